import { encodeSyncStep1, encodeUpdate, MessageType } from '../server/sync/protocol.ts'
import { waitAtMost } from '../server/waitAtMost.ts'
import { BenchSocket } from './support/benchSocket.ts'
import type { RunningServer } from './support/servers.ts'

/** Sync step 1 with an empty state vector: "send me everything". */
const askForEverything = () => encodeSyncStep1(new Uint8Array([0]))

/**
 * Opens a room holding `plan` through one client that sends it, and resolves
 * once the server has taken it in: both servers answer a sync step 1 only
 * after every earlier message of that connection, so the step 2 answer
 * arriving means the plan is in the room.
 */
export async function openRoomWith(server: RunningServer, room: string, plan: Uint8Array): Promise<BenchSocket> {
  const socket = await BenchSocket.open(server, room)
  const holdsPlan = new Promise<void>((resolve) => {
    socket.onFrame = (frame) => {
      if (frame[0] === MessageType.sync && frame[1] === 1 && frame.byteLength > plan.byteLength / 2) {
        socket.onFrame = undefined
        resolve()
      }
    }
    socket.send(encodeUpdate(plan))
    socket.send(askForEverything())
  })
  try {
    await answeredInTime(holdsPlan, `${server.kind.name} did not answer with the plan in ${room}`)
  } catch (error) {
    socket.close()
    throw error
  }
  return socket
}

/**
 * How long a server may take to answer with a plan it was given, or to say
 * what memory it holds, before the figure counts as lost: far longer than
 * any server takes for a 1 MB plan, short enough that one unanswered room
 * (a Hocuspocus server's once, in a run at 028a50a) does not hold the
 * benchmark up for good.
 */
const UNANSWERED_AFTER_MS = 60_000

/** A server never answered with a plan it was given, or never said what memory it holds (UNANSWERED_AFTER_MS). */
class UnansweredError extends Error {}

/** What `answer` settles to; UnansweredError (`unanswered`, and the time waited) when it has not within UNANSWERED_AFTER_MS. */
async function answeredInTime<T>(answer: Promise<T>, unanswered: string): Promise<T> {
  const NOT_YET = Symbol('not answered')
  const answered = await waitAtMost(answer, UNANSWERED_AFTER_MS, NOT_YET)
  if (answered === NOT_YET) throw new UnansweredError(`${unanswered} within ${UNANSWERED_AFTER_MS / 1000} s`)
  return answered as T
}

/**
 * Memory one open room holds, in bytes: a fresh server process, one warm-up
 * room, then `rooms` rooms each holding `plan` with one client connected;
 * heap plus off-heap memory after a full GC, before and after, divided;
 * NaN (printed as —, the target not met) when the server stops answering.
 */
export async function memoryPerRoom(start: () => Promise<RunningServer>, plan: Uint8Array, rooms: number): Promise<number> {
  const server = await start()
  try {
    return await measureRooms(server, plan, rooms)
  } catch (error) {
    if (!(error instanceof UnansweredError)) throw error
    process.stderr.write(`bench: memory figure lost: ${error.message}. Run the benchmark again; if it happens again, the server's last log lines are:\n${server.log.slice(-20).join('\n')}\n`)
    return Number.NaN
  } finally {
    await server.kill()
  }
}

async function measureRooms(server: RunningServer, plan: Uint8Array, rooms: number): Promise<number> {
  const sockets = [await openRoomWith(server, 'memory-warm-up', plan)]
  const before = await memoryOf(server)
  for (let room = 0; room < rooms; room++) sockets.push(await openRoomWith(server, `memory-${room}`, plan))
  const after = await memoryOf(server)
  for (const socket of sockets) socket.close()
  return (after - before) / rooms
}

/** What the server holds after a full GC; UnansweredError when it does not say in time (the figure is lost, not the run). */
function memoryOf(server: RunningServer): Promise<number> {
  return answeredInTime(server.memory(), `${server.kind.name} did not say what memory it holds`)
}

/**
 * Time from opening a websocket to holding the whole plan, in ms, for a room
 * that is in storage but not in memory: the relay reads and applies it first.
 */
export async function timeToLoad(server: RunningServer, room: string, planBytes: number): Promise<number> {
  const started = performance.now()
  const socket = await BenchSocket.open(server, room)
  await new Promise<void>((resolve) => {
    socket.onFrame = (frame) => {
      if (frame[0] === MessageType.sync && frame[1] === 1 && frame.byteLength > planBytes / 2) resolve()
    }
    socket.send(askForEverything())
  })
  const elapsed = performance.now() - started
  socket.close()
  return elapsed
}
