import { randomBytes } from 'node:crypto'
import { access, constants, readdir, readFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import { issueDeletion } from '../../shared/capabilities/deletion.ts'
import { createLogger } from '../../server/log.ts'
import { startRelay } from '../../server/relay.ts'
import { PostgresStorage } from '../../server/storage/postgres.ts'
import { connectClient } from '../relay/support/clients.ts'
import { newTestPlan } from '../relay/support/invitations.ts'
import { dropPostgresSchema, needPostgres, uniquePostgresSchema } from '../support/services.ts'
import { waitUntil } from '../support/wait.ts'

const databaseUrl = await needPostgres()

/**
 * Finding 7 of issue 16: on PostgreSQL a deleted plan's sentence was still in
 * the table's file after a plain VACUUM. Here a household writes two
 * sentences on a relay on PostgreSQL (a short one, kept in the table's own
 * pages, and one inside a long text, kept in its TOAST table), deletes the
 * plan with a signed deletion, and the files PostgreSQL keeps the table in
 * are read byte by byte after a CHECKPOINT: neither sentence is there. (What
 * stays in the WAL and in backups is in docs/scale-out.md, "Erasure".)
 */
describe.skipIf(!databaseUrl)('erasure on PostgreSQL', () => {
  const cleanups: (() => unknown)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  it('after a signed deletion and a CHECKPOINT, the plan\'s sentences are in none of the files of its table and TOAST table', { timeout: 60_000 }, async (context) => {
    const schema = uniquePostgresSchema()
    cleanups.push(() => dropPostgresSchema(databaseUrl!, schema))
    const db = new pg.Client({ connectionString: databaseUrl })
    await db.connect()
    cleanups.push(() => db.end())
    const table = `"${schema}".room_updates`

    const dataDirectory = await db.query<{ data_directory: string }>('SHOW data_directory').then(
      (result) => result.rows[0]!.data_directory,
      (error: Error) => error,
    )
    if (dataDirectory instanceof Error) {
      console.warn(`postgresErasure.test.ts: skipped, PostgreSQL will not say where its files are (${dataDirectory.message})`)
      return context.skip()
    }
    const readable = await access(join(dataDirectory, 'base'), constants.R_OK).then(
      () => true,
      () => false,
    )
    if (!readable) {
      console.warn(`postgresErasure.test.ts: skipped, PostgreSQL's files in ${dataDirectory} cannot be read by this user`)
      return context.skip()
    }

    const relay = await startRelay({
      config: { requireTokens: true },
      storage: await PostgresStorage.open({ connectionString: databaseUrl!, schema }),
      staticDir: null,
      logger: createLogger('silent'),
    })
    cleanups.push(() => relay.close())
    const syncUrl = `${relay.url.replace(/^http/, 'ws')}/sync`
    const plan = await newTestPlan()
    const token = await plan.invite({ role: 'eigenaar' })
    const tag = randomBytes(6).toString('hex')
    const short = `Opa Henk vergeet zijn pillen ${tag}`
    const long = `Mama slaapt slecht sinds de scheiding ${tag}`
    // Random hex no compression shrinks: the text is stored out of line, in the TOAST table.
    const filler = randomBytes(6_000).toString('hex')

    const inPlan = await connectClient(syncUrl, plan.room('plan'), { token })
    const inHousehold = await connectClient(syncUrl, plan.room('huishouden'), { token })
    cleanups.push(() => inPlan.destroy(), () => inHousehold.destroy())
    inPlan.text.insert(0, short)
    inHousehold.text.insert(0, `${long} ${filler}`)
    const storedRowsHolding = async (sentence: string): Promise<number> =>
      Number(
        (await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE position(convert_to($1, 'UTF8') in data) > 0`, [sentence])).rows[0]!.n,
      )
    await waitUntil(async () => (await storedRowsHolding(short)) > 0 && (await storedRowsHolding(long)) > 0, 'both sentences are stored')

    const files = async () => {
      const paths = await db.query<{ heap: string; toast: string }>(
        `SELECT pg_relation_filepath(c.oid) AS heap, pg_relation_filepath(c.reltoastrelid) AS toast FROM pg_class c WHERE c.oid = $1::regclass`,
        [table],
      )
      const { heap, toast } = paths.rows[0]!
      return { heap: await segmentsOf(join(dataDirectory, heap)), toast: await segmentsOf(join(dataDirectory, toast)) }
    }
    await db.query('CHECKPOINT')
    const before = await files()
    // The test can fail: before the deletion the files hold each sentence where the test says it looks.
    expect(await holding(before.heap, short), 'the short sentence is in the table\'s own file').not.toEqual([])
    expect(await holding(before.toast, long), 'the long text is in the TOAST table\'s file').not.toEqual([])

    const deletion = await fetch(`${relay.url}/plans/${plan.planId}/deletion`, { method: 'POST', body: await issueDeletion(plan.key) })
    expect(deletion.status, await deletion.clone().text()).toBe(200)
    expect(await storedRowsHolding(short)).toBe(0)
    await db.query('CHECKPOINT')

    const after = await files()
    const everyFile = [...new Set([...before.heap, ...before.toast, ...after.heap, ...after.toast])]
    expect({ short: await holding(everyFile, short), long: await holding(everyFile, long) }, 'files still holding each sentence').toEqual({ short: [], long: [] })
    // The relay still works for the next plan.
    const next = await newTestPlan()
    const writer = await connectClient(syncUrl, next.room('plan'), { token: await next.invite({ role: 'eigenaar' }) })
    cleanups.push(() => writer.destroy())
    writer.text.insert(0, 'een volgend gezin')
    await waitUntil(async () => (await storedRowsHolding('een volgend gezin')) > 0, 'another plan is stored after the erasure')
  })
})

/** A relation's file and its further 1 GB segments (`<file>.1`, `<file>.2`, …), as they are on disk now. */
async function segmentsOf(file: string): Promise<string[]> {
  const name = basename(file)
  const names = await readdir(dirname(file))
  return names.filter((entry) => entry === name || new RegExp(`^${name}\\.\\d+$`).test(entry)).map((entry) => join(dirname(file), entry))
}

/** Which of the files hold the sentence's bytes; a file removed meanwhile (an old one after VACUUM FULL) holds nothing. */
async function holding(files: string[], sentence: string): Promise<string[]> {
  const found: string[] = []
  for (const file of files) {
    const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return Buffer.alloc(0)
      throw error
    })
    if (bytes.includes(Buffer.from(sentence))) found.push(file)
  }
  return found
}
