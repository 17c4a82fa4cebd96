/**
 * One coder on one machine, for the team tests: their own user settings (so their own coder id),
 * the project folder of their machine opened as the app opens it, the team scan, and the handler
 * table the renderer would call.
 */
import { join } from 'node:path'
import type { Codebook } from '../../electron/contract/model'
import { noDialogs } from '../../electron/core/dialogs'
import { createHandlers, type Handlers } from '../../electron/core/handlers'
import { JobRunner } from '../../electron/core/jobs'
import { ProjectService } from '../../electron/core/project'
import { openSettings } from '../../electron/core/settings'
import {
  openLowdbRepository,
  type LowdbProjectRepository,
} from '../../electron/core/storage/lowdbRepository'
import { Team } from '../../electron/core/team/team'
import type { WatchOptions } from '../../electron/core/team/watcher'

export interface Coder {
  name: string
  id: string
  repo: LowdbProjectRepository
  service: ProjectService
  team: Team
  handlers: Handlers
  /** Calls a handler and returns its value, failing the test on an error envelope. */
  call<T = unknown>(method: keyof Handlers, ...args: unknown[]): Promise<T>
  close(): Promise<void>
}

export async function openCoder(
  projectDir: string,
  name: string,
  home: string,
  options: { create?: { name: string; codebook: Codebook }; watch?: WatchOptions } = {},
): Promise<Coder> {
  const settings = await openSettings(join(home, `${name}.settings.json`))
  await settings.update({ annotator: name })
  const { coderId } = settings.get()
  const repo = await openLowdbRepository(projectDir, {
    coder: coderId,
    coderName: name,
    create: options.create,
    lock: `the app of ${name}`,
  })
  const service = new ProjectService(repo, settings)
  const team = new Team(repo, settings)
  await team.open()
  service.attachTeam(team)
  if (options.watch) team.watch(options.watch)
  const handlers = createHandlers(service, {
    dialogs: noDialogs,
    jobs: new JobRunner(),
    log: () => {},
  })
  return {
    name,
    id: coderId,
    repo,
    service,
    team,
    handlers,
    async call<T>(method: keyof Handlers, ...args: unknown[]): Promise<T> {
      const answer = await handlers[method](...args)
      if (!answer.ok) throw new Error(`${method}: ${answer.error}`)
      return answer.value as T
    },
    async close() {
      team.close()
      await repo.close()
    },
  }
}
