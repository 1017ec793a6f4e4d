import { execFile } from 'node:child_process'

export interface KringRun {
  code: number
  stdout: string
  stderr: string
}

/**
 * Runs the real `kring` command line (server/cli/kring.ts under tsx, what
 * `npm run kring` starts), as an operator would. Node is started directly,
 * not through npx: npm may write notices of its own to stderr (a newer npm
 * is available, this machine's configuration), which made a test that expects
 * a silent stderr fail on a fresh CI machine.
 */
export function runKring(...args: string[]): Promise<KringRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'server/cli/kring.ts', ...args], { cwd: process.cwd() }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
    })
  })
}
