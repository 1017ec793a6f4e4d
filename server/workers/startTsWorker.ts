import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'

/**
 * Starts a TypeScript module in a worker thread. The relay's workers are
 * TypeScript like the rest of it: a tiny module loads the script through tsx
 * (a dependency already), whether the relay runs under `tsx` or in a test
 * runner. Node 20 cannot start a `.ts` worker by itself.
 */
export function startTsWorker(script: URL): Worker {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href.replace(/\.cjs$/, '.mjs')
  const boot = `const { tsImport } = await import(${JSON.stringify(tsx)}); await tsImport(${JSON.stringify(script.href)}, ${JSON.stringify(script.href)})`
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), { execArgv: [] })
}
