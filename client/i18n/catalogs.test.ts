import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import * as shared from '../../shared/plan/index.ts'
import type { Catalog, Messages } from './catalog.ts'

/**
 * The UI speaks Dutch (B1) with an English catalog kept in step. Every
 * namespace is found on disk (every `client/**\/i18n.ts`, and common.ts), so
 * a catalog nobody registered is checked too. Checked: the same keys in both
 * languages; every Dutch string has a non-empty English twin; both fill the
 * same {{placeholders}}; every key the code asks for with a plain `t('…')`
 * exists; and the wording the schema holds in both languages (the card's
 * questions, the life areas, the atlas's words) is whole in both.
 */

const CLIENT = fileURLToPath(new URL('..', import.meta.url))

interface Namespace {
  name: string
  file: string
  catalog: Catalog
}

/** Every catalog of the app, by namespace: the folder's name (client/sections/<name>/i18n.ts), or a file's own name where the app registers it so. */
async function allCatalogs(): Promise<Namespace[]> {
  const files = readdirSync(CLIENT, { recursive: true, encoding: 'utf8' }).filter((file) => /(^|\/)i18n\.ts$/.test(file) || file === join('i18n', 'common.ts'))
  const found: Namespace[] = []
  for (const file of files) {
    const module = (await import(join(CLIENT, file))) as { default?: Catalog }
    if (!module.default?.nl) continue
    found.push({ name: namespaceOf(file), file, catalog: module.default })
  }
  return found
}

/** The namespace the app registers a catalog under (client/i18n/index.ts and the lazily loaded sections use these names). */
function namespaceOf(file: string): string {
  if (file === join('i18n', 'common.ts')) return 'common'
  const folder = file.split('/').slice(-2, -1)[0] ?? ''
  return { invitations: 'uitnodiging', document: 'document' }[folder] ?? folder
}

/** Every leaf of a catalog as 'a.b.c' → string (or a non-string, which is an error of its own). */
function leaves(messages: Messages, prefix = ''): Map<string, unknown> {
  const result = new Map<string, unknown>()
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (value !== null && typeof value === 'object') for (const [k, v] of leaves(value as Messages, path)) result.set(k, v)
    else result.set(path, value)
  }
  return result
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!).sort()
}

/** i18next's plural suffixes: a key asked for as `key` with { count } exists as key_one / key_other. */
const PLURAL = /_(zero|one|two|few|many|other)$/

describe('the catalogs', () => {
  it('give every Dutch string an English twin with the same placeholders, and no key is missing in either language', async () => {
    const namespaces = await allCatalogs()
    expect(namespaces.length).toBeGreaterThan(10)
    const problems: string[] = []
    for (const { file, catalog } of namespaces) {
      const nl = leaves(catalog.nl)
      const en = leaves(catalog.en as Messages)
      for (const key of nl.keys()) if (!en.has(key)) problems.push(`${file}: "${key}" has no English`)
      for (const key of en.keys()) if (!nl.has(key)) problems.push(`${file}: "${key}" has no Dutch`)
      for (const [key, dutch] of nl) {
        const english = en.get(key)
        if (typeof dutch !== 'string' || (english !== undefined && typeof english !== 'string')) {
          problems.push(`${file}: "${key}" is not text`)
          continue
        }
        if (english === undefined) continue
        if (dutch.trim() && !english.trim()) problems.push(`${file}: "${key}" is empty in English`)
        if (!dutch.trim() && english.trim()) problems.push(`${file}: "${key}" is empty in Dutch`)
        if (placeholders(dutch).join() !== placeholders(english).join()) problems.push(`${file}: "${key}" fills {{${placeholders(dutch)}}} in Dutch, {{${placeholders(english)}}} in English`)
      }
    }
    expect(problems).toEqual([])
  })

  it('hold every key the code asks for by name', async () => {
    const namespaces = new Map((await allCatalogs()).map((n) => [n.name, leaves(n.catalog.nl)]))
    const has = (namespace: string, key: string) => {
      const keys = namespaces.get(namespace)
      if (!keys) return false
      return keys.has(key) || [...keys.keys()].some((k) => k.replace(PLURAL, '') === key && PLURAL.test(k)) || [...keys.keys()].some((k) => k.startsWith(`${key}.`))
    }
    const problems: string[] = []
    const sources = readdirSync(CLIENT, { recursive: true, encoding: 'utf8' }).filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.test.ts'))
    for (const file of sources) {
      const code = readFileSync(join(CLIENT, file), 'utf8')
      // The namespaces this file's components translate with; a plain key must be in one of them.
      const own = [...code.matchAll(/useTranslation\(\s*'([\w-]+)'\s*\)/g)].map((m) => m[1]!)
      for (const match of code.matchAll(/\bt\(\s*'([\w.-]+(?::[\w.-]+)?)'/g)) {
        const key = match[1]!
        const colon = key.indexOf(':')
        const found = colon > 0 ? has(key.slice(0, colon), key.slice(colon + 1)) : own.some((namespace) => has(namespace, key)) || has('common', key)
        if (!found) problems.push(`${relative(CLIENT, join(CLIENT, file))}: t('${key}')`)
      }
    }
    expect(problems).toEqual([])
  })

  it('find the wording the schema holds whole in both languages', () => {
    const problems: string[] = []
    const walk = (value: unknown, path: string, seen: Set<unknown>) => {
      if (value === null || typeof value !== 'object' || seen.has(value)) return
      seen.add(value)
      const record = value as Record<string, unknown>
      if (typeof record['nl'] === 'string' || typeof record['en'] === 'string') {
        const nl = record['nl']
        const en = record['en']
        if (typeof nl !== 'string' || !nl.trim()) problems.push(`${path}: no Dutch`)
        if (typeof en !== 'string' || !en.trim()) problems.push(`${path}: no English`)
        if (typeof nl === 'string' && typeof en === 'string' && placeholders(nl).join() !== placeholders(en).join()) problems.push(`${path}: other placeholders`)
      }
      for (const [key, child] of Object.entries(record)) walk(child, `${path}.${key}`, seen)
    }
    const seen = new Set<unknown>()
    for (const [name, value] of Object.entries(shared)) if (typeof value === 'object') walk(value, name, seen)
    expect(seen.size).toBeGreaterThan(50)
    expect(problems).toEqual([])
  })
})
