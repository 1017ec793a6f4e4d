/**
 * Hocuspocus (@hocuspocus/server 3.4.4, the last release that runs on Node
 * 20), set up as its README does: `new Server(...)` and `listen()`, one
 * Y.Doc per open document, broadcast at once. With HOCUSPOCUS_SQLITE=1 it
 * stores through its official SQLite extension (@hocuspocus/extension-sqlite,
 * a file in DATA_DIR), which stores a document behind the broadcast, debounced
 * (2 s, at most 10 s, its defaults); otherwise it keeps documents in memory only.
 * No authentication hook: every token is let in, as Kring's relay runs here
 * with tokens off.
 */
import { join } from 'node:path'
import { Server } from '@hocuspocus/server'
import { SQLite } from '@hocuspocus/extension-sqlite'
import { announce, answerParentQuestions } from './answerParent.ts'

const withSqlite = process.env.HOCUSPOCUS_SQLITE === '1'
const dataDir = process.env.DATA_DIR
if (withSqlite && dataDir === undefined) throw new Error('HOCUSPOCUS_SQLITE=1 needs DATA_DIR for its database file')

const server = new Server({
  port: 0,
  quiet: true,
  stopOnSignals: false,
  extensions: withSqlite ? [new SQLite({ database: join(dataDir!, 'hocuspocus.sqlite') })] : [],
})
await server.listen()
answerParentQuestions()
announce(server.address.port)
