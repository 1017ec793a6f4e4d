import { parentPort } from 'node:worker_threads'
import { errorSummary } from '../log.ts'
import type { WorkerError, WorkerReply } from './workerCalls.ts'

/**
 * The worker's side of WorkerCalls: answers every request from the thread
 * that started it with `handle`'s value, or with what it threw, described by
 * `describe` (only a name and a message cross over, never bytes or content
 * an error may carry). A value that is bytes owning their whole buffer is
 * handed over, not copied. Does nothing outside a worker thread.
 */
export function answerCalls<Request extends { id: number }>(handle: (request: Request) => unknown, describe: (error: unknown) => WorkerError = errorSummary): void {
  const port = parentPort
  if (port === null) return
  port.on('message', (request: Request) => {
    let reply: WorkerReply
    try {
      reply = { id: request.id, ok: true, value: handle(request) }
    } catch (error) {
      reply = { id: request.id, ok: false, error: describe(error) }
    }
    const bytes = reply.ok && reply.value instanceof Uint8Array ? reply.value : undefined
    const handOver = bytes !== undefined && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? [bytes.buffer as ArrayBuffer] : []
    port.postMessage(reply, handOver)
  })
}
