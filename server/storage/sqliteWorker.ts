/**
 * The SQLite storage's worker thread: owns the database files and does every
 * read and write of them (sqliteDatabase.ts), one request at a time in the
 * order they arrive. One worker serves every SqliteStorage of a process (a
 * relay has one; tests and tools may open several). Started by sqlite.ts;
 * speaks only through messages.
 */
import { errorSummary } from '../log.ts'
import { answerCalls } from '../workers/answerCalls.ts'
import { runInBackground } from '../workers/backgroundPriority.ts'
import { StorageCorruptError } from './roomLog.ts'
import { SqliteDatabase } from './sqliteDatabase.ts'

/** The methods of SqliteDatabase the storage calls, each a request of its own; `open` makes the database. */
export type SqliteMethod =
  | 'open'
  | 'load'
  | 'append'
  | 'compact'
  | 'size'
  | 'planSize'
  | 'addRevocation'
  | 'revocationsOf'
  | 'addHandover'
  | 'handoversOf'
  | 'addRegistration'
  | 'registrationsOf'
  | 'deletePlan'
  | 'isPlanDeleted'
  | 'plansChangedWithin'
  | 'admitPlan'
  | 'isPlanAdmitted'
  | 'addMeetingCode'
  | 'meetingCode'
  | 'removeExpiredMeetingCodes'
  | 'ping'
  | 'probeWrite'
  | 'close'

export type SqliteArgs<M extends SqliteMethod> = M extends 'open' ? [dataDir: string] : Parameters<SqliteDatabase[Exclude<M, 'open'>]>
export type SqliteResult<M extends SqliteMethod> = M extends 'open' ? void : ReturnType<SqliteDatabase[Exclude<M, 'open'>]>

export interface SqliteRequest {
  id: number
  /** Which database (one per SqliteStorage). */
  database: number
  method: SqliteMethod
  args: unknown[]
}

// Its work can wait a moment; edits passing on the event loop cannot.
runInBackground()

const databases = new Map<number, SqliteDatabase>()
answerCalls<SqliteRequest>(
  ({ database, method, args }) => run(databases, database, method, args),
  (error) => ({ ...errorSummary(error), room: error instanceof StorageCorruptError ? error.room : undefined }),
)

function run(databases: Map<number, SqliteDatabase>, database: number, method: SqliteMethod, args: unknown[]): unknown {
  if (method === 'open') {
    databases.set(database, new SqliteDatabase(args[0] as string))
    return undefined
  }
  const db = databases.get(database)
  if (db === undefined) throw new Error('This SQLite storage is not open')
  if (method === 'close') databases.delete(database)
  return (db[method] as (...args: unknown[]) => unknown)(...args)
}
