import { execFile } from 'node:child_process'

export interface KringRun {
  code: number
  stdout: string
  stderr: string
}

/** Runs the real `kring` command line (`npx tsx server/cli/kring.ts ...`), as an operator would. */
export function runKring(...args: string[]): Promise<KringRun> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'server/cli/kring.ts', ...args], { cwd: process.cwd() }, (error, stdout, stderr) => {
      // npx may warn about this machine's npm configuration; that is not the command's output.
      const own = stderr.split('\n').filter((line) => !line.startsWith('npm warn')).join('\n')
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr: own })
    })
  })
}
