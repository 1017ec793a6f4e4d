/**
 * What a saved version costs on a cheap phone: the bytes it adds to the plan
 * (which every device stores and syncs) and the time to save and compare,
 * each as a ratio of a baseline measured in this run: a frozen copy of the
 * plan (what the first release's card versions stored, as JSON), and
 * encoding the whole plan once. Run: `npx tsx bench/versions.ts` (also at
 * the end of `npm run bench`). Prints a Markdown table to stdout.
 */
import * as Y from 'yjs'
import { readableJson } from '../shared/export/readable.ts'
import { Plan } from '../shared/plan/index.ts'
import { medianTime } from './support/stats.ts'

const SIZES = [60, 300]
const RUNS = 7

function plan(records: number): Plan {
  const plan = Plan.create(new Y.Doc(), { planId: 'PLANbench0000000000000', householdName: 'Familie Jansen' })
  const ans = plan.people.add({ name: 'Ans', relation: 'moeder', role: 'eigenaar' }, null)
  for (let i = 0; i < records; i++) {
    if (i % 3 === 0) plan.waarden.propose({ text: `Een waarde die ertoe doet, nummer ${i}`, notes: 'met een toelichting erbij', scope: 'shared' }, ans)
    else if (i % 3 === 1) plan.basisteam.add({ wat: `Afspraak ${i}: boodschappen doen`, waar: 'Jumbo in de wijk', hoe: 'met de auto', wie: [ans] }, ans)
    else plan.notes.add({ text: `Notitie ${i}: de school bellen over het rooster` }, ans)
  }
  plan.notepad.insert(0, 'Kladblok '.repeat(200))
  return plan
}

const bytes = (p: Plan) => Y.encodeStateAsUpdate(p.doc).byteLength

const time = (run: () => void) => medianTime(run, RUNS)

export function versionRows(): string[] {
  const rows = ['| plan | first version | next version, nothing changed | next version, one record changed | frozen copy (baseline) | save / encode plan | compare / encode plan |', '|---|---|---|---|---|---|---|']
  for (const size of SIZES) {
    const p = plan(size)
    const start = bytes(p)
    p.versions.save({ name: 'een' }, null)
    const first = bytes(p) - start
    const beforeSecond = bytes(p)
    p.versions.save({ name: 'twee' }, null)
    const same = bytes(p) - beforeSecond
    p.waarden.edit(p.waarden.list()[0]!.id, { text: 'Anders gezegd' }, 'x')
    const beforeThird = bytes(p)
    const third = p.versions.save({ name: 'drie' }, null)
    const changed = bytes(p) - beforeThird
    const frozen = new TextEncoder().encode(JSON.stringify(readableJson(p))).byteLength
    const encode = time(() => Y.encodeStateAsUpdate(p.doc))
    const save = time(() => p.versions.save({ name: 'x' }, null))
    const compare = time(() => {
      p.notepad.insert(0, '.')
      p.versions.compare(third)
    })
    rows.push(
      `| ${size} records, ${(start / 1024).toFixed(0)} KiB | ${kib(first)} (${pct(first, frozen)}) | ${kib(same)} (${pct(same, frozen)}) | ${kib(changed)} (${pct(changed, frozen)}) | ${kib(frozen)} | ${(save / encode).toFixed(1)}× | ${(compare / encode).toFixed(1)}× |`,
    )
  }
  return rows
}

function kib(n: number): string {
  return `${(n / 1024).toFixed(2)} KiB`
}

function pct(part: number, whole: number): string {
  return `${((100 * part) / whole).toFixed(1)}% of a copy`
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(`${versionRows().join('\n')}\n`)
