/**
 * Builds the renderer exactly as `electron-vite build` does (same config file, same plugins,
 * same options), but into the benchmark's own folder: out/ belongs to whoever builds the app
 * meanwhile, and the benchmark must measure the current sources.
 */
import { resolveConfig } from 'electron-vite'
import { build, type InlineConfig } from 'vite'
import { join } from 'node:path'
import { REPO } from './setup'

export async function buildRenderer(args: { outDir: string }): Promise<{ dir: string }> {
  const { config } = await resolveConfig(
    { root: REPO, build: { outDir: args.outDir }, logLevel: 'warn' },
    'build',
    'production',
  )
  if (!config?.renderer) throw new Error('electron.vite.config.ts has no renderer config')
  await build({ ...(config.renderer as InlineConfig), configFile: false, logLevel: 'warn' })
  return { dir: join(args.outDir, 'renderer') }
}
