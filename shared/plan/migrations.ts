import type * as Y from 'yjs'

/**
 * Plans outlive releases: a plan written by an older app is upgraded when it
 * is opened. Each migration takes a document from one version to the next and
 * must be idempotent and deterministic, because two devices may upgrade the
 * same document at once and their writes merge. A migration never deletes
 * keys it does not own, so data from newer versions survives.
 */

/** The layout version this build writes. */
export const SCHEMA_VERSION = 1

/** Where the version lives: a key no instrument uses. */
export const SCHEMA_MAP = 'schema'
const VERSION_KEY = 'version'

export interface Migration {
  /** The version the document has after this migration. */
  to: number
  /** What changes, for the log and for the next developer. */
  describe: string
  run(doc: Y.Doc): void
}

export const MIGRATIONS: readonly Migration[] = [
  {
    to: 1,
    describe: 'Documents from before versioning get a version number; their content is read as version 1 already is.',
    run: () => {},
  },
]

/** The schema version a document says it has (0 when it has none). */
export function schemaVersionOf(doc: Y.Doc): number {
  const value = doc.getMap(SCHEMA_MAP).get(VERSION_KEY)
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0
}

/** Stamps a new document with the current version. */
export function stampSchemaVersion(doc: Y.Doc): void {
  doc.getMap(SCHEMA_MAP).set(VERSION_KEY, SCHEMA_VERSION)
}

export interface MigrationResult {
  from: number
  to: number
  /** True when a newer app wrote this document: it is left as it is and read as well as this version can. */
  fromNewerVersion: boolean
}

/** Upgrades an older document to SCHEMA_VERSION in one transaction; leaves newer ones untouched. */
export function migrate(doc: Y.Doc, migrations: readonly Migration[] = MIGRATIONS): MigrationResult {
  const from = schemaVersionOf(doc)
  if (from >= SCHEMA_VERSION) return { from, to: from, fromNewerVersion: from > SCHEMA_VERSION }
  doc.transact(() => {
    for (const migration of migrations) if (migration.to > from && migration.to <= SCHEMA_VERSION) migration.run(doc)
    stampSchemaVersion(doc)
  })
  return { from, to: SCHEMA_VERSION, fromNewerVersion: false }
}
