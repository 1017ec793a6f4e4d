import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

const run = promisify(execFile)

/**
 * Mounts a small tmpfs on `dir`, to play a disk that fills up. Needs root
 * (or CAP_SYS_ADMIN); resolves with the function that unmounts it, or with
 * why it cannot be had on this machine.
 */
export async function mountTmpfs(dir: string, size: string): Promise<{ unmount: () => Promise<void> } | { unavailable: string }> {
  try {
    await run('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir])
  } catch (error) {
    return { unavailable: error instanceof Error ? error.message.split('\n')[0]! : String(error) }
  }
  return {
    unmount: async () => {
      await run('umount', [dir]).catch(() => run('umount', ['-l', dir]))
    },
  }
}
