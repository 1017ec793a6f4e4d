import type { Transferable, Worker } from 'node:worker_threads'

/** A worker's answer to one call: its value, or what went wrong by name and message (never bytes or content an error may carry). */
export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: WorkerError }

export interface WorkerError {
  name: string
  message: string
  /** The room whose stored data cannot be read, for the storage's StorageCorruptError. */
  room?: string
}

/**
 * Calls into one worker thread that answers each request (posted with an
 * `id`) with a WorkerReply of the same id. The worker keeps the process alive
 * only while a call waits. Should it die, every waiting call and every later
 * one fails with why: a worker holds state (open databases) that a new one
 * would not have, so whoever owns the calls decides when to start another
 * (`stopped`).
 */
export class WorkerCalls {
  private readonly calls = new Map<number, { resolve(value: unknown): void; reject(error: unknown): void }>()
  private nextCall = 0
  private stoppedBy: Error | undefined

  /**
   * `whose` names the worker in the operator's words and `afterwards` says
   * what the relay does without it, so a log line of its death says both.
   */
  constructor(
    private readonly worker: Worker,
    { whose, afterwards, toError = plainError }: { whose: string; afterwards: string; toError?: (error: WorkerError) => Error },
  ) {
    this.toError = toError
    worker.unref()
    worker.on('message', (reply: WorkerReply) => this.settle(reply))
    worker.on('error', (error) => this.stop(new Error(`${whose} worker thread failed (${error.message}); ${afterwards}`, { cause: error })))
    worker.on('exit', (code) => this.stop(new Error(`${whose} worker thread stopped (exit code ${code}); ${afterwards}`)))
  }

  private readonly toError: (error: WorkerError) => Error

  /** Whether the worker has died: calls fail, and its owner starts a new one. */
  get stopped(): boolean {
    return this.stoppedBy !== undefined
  }

  /** Posts `request` (its `id` added) and resolves with the worker's value, or rejects with its error. */
  call(request: object, transfer: readonly Transferable[] = []): Promise<unknown> {
    if (this.stoppedBy !== undefined) return Promise.reject(this.stoppedBy)
    const id = this.nextCall++
    return new Promise((resolve, reject) => {
      if (this.calls.size === 0) this.worker.ref()
      this.calls.set(id, { resolve, reject })
      this.worker.postMessage({ ...request, id }, transfer)
    })
  }

  private settle(reply: WorkerReply): void {
    const call = this.calls.get(reply.id)
    if (call === undefined) return
    this.calls.delete(reply.id)
    if (this.calls.size === 0) this.worker.unref()
    if (reply.ok) call.resolve(reply.value)
    else call.reject(this.toError(reply.error))
  }

  private stop(error: Error): void {
    this.stoppedBy ??= error
    for (const call of this.calls.values()) call.reject(this.stoppedBy)
    this.calls.clear()
  }
}

/** A worker's error as an Error of the same name and message. */
export function plainError({ name, message }: WorkerError): Error {
  const error = new Error(message)
  error.name = name
  return error
}
