import { spawn } from 'node:child_process'
import { expect, test } from '@playwright/test'
import {
  appCommand,
  electronPath,
  launchApp,
  REPO,
  requireElectron,
  startCoding,
  withUserData,
} from './electronApp'

requireElectron()

type Flag = { secondInstanceSeen?: boolean }

test('a second start of the app leaves at once and hands over to the open window', async () => {
  await withUserData(async (userData) => {
    const first = await launchApp(userData)
    let second: ReturnType<typeof spawn> | null = null
    try {
      const page = await startCoding(await first.firstWindow())
      await first.evaluate(({ app }) => {
        const flag = globalThis as Flag
        flag.secondInstanceSeen = false
        app.once('second-instance', () => (flag.secondInstanceSeen = true))
      })

      // The same command again, on the same user data: a second writer on the same project.
      const { args, env } = appCommand(userData)
      second = spawn(electronPath(), args, { cwd: REPO, env, stdio: 'ignore' })
      const exit = await new Promise<number | null>((resolve, reject) => {
        second?.on('error', reject)
        second?.on('exit', (code) => resolve(code))
      })

      expect(exit).toBe(0)
      await expect
        .poll(() => first.evaluate(() => (globalThis as Flag).secondInstanceSeen))
        .toBe(true)
      expect(
        await first.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length),
      ).toBe(1)
      await expect(page.sentences.first()).toBeVisible()
    } finally {
      if (second && second.exitCode === null && second.signalCode === null) second.kill()
      await first.close()
    }
  })
})
