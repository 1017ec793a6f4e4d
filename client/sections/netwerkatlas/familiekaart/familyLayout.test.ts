import { describe, expect, it } from 'vitest'
import { FAMILY, layoutFamily } from './familyLayout.ts'

const link = (kind: 'ouder-kind' | 'partner' | 'ex-partner', a: string, b: string) => ({ id: `${kind}:${a}:${b}`, kind, a, b })

describe('familiekaart layout', () => {
  it('puts partners side by side and a couple’s child under the middle of their line', () => {
    const layout = layoutFamily({
      generations: [
        { generation: -1, members: ['oma', 'tante', 'opa'] },
        { generation: 0, members: ['ans'] },
      ],
      links: [link('partner', 'oma', 'opa'), link('ouder-kind', 'oma', 'ans'), link('ouder-kind', 'opa', 'ans')],
    })
    const oma = layout.nodes.get('oma')!
    const opa = layout.nodes.get('opa')!
    const ans = layout.nodes.get('ans')!
    expect(Math.abs(oma.x - opa.x)).toBe(FAMILY.nodeWidth + FAMILY.gapX)
    expect(ans.x).toBe((oma.x + opa.x) / 2)
    expect(ans.y).toBeGreaterThan(oma.y)
    // One line for the couple, one from its middle to the child.
    expect(layout.lines.filter((l) => l.kind === 'partner')).toHaveLength(1)
    expect(layout.lines.filter((l) => l.kind === 'ouder-kind')).toHaveLength(1)
  })

  it('never overlaps people in a row, and draws every link even when links form a cycle', () => {
    const layout = layoutFamily({
      generations: [
        { generation: -1, members: ['a', 'b'] },
        { generation: 0, members: ['c', 'd', 'e'] },
      ],
      // a is parent of c, c is "parent" of a (a cycle), b and d partners across generations, d and e partners.
      links: [link('ouder-kind', 'a', 'c'), link('ouder-kind', 'c', 'a'), link('partner', 'b', 'd'), link('partner', 'd', 'e'), link('ouder-kind', 'b', 'e')],
    })
    const row = [...layout.nodes.values()].filter((n) => n.row === 1).sort((p, q) => p.x - q.x)
    for (let i = 1; i < row.length; i++) expect(row[i]!.x - row[i - 1]!.x).toBeGreaterThanOrEqual(FAMILY.nodeWidth + FAMILY.gapX)
    expect(layout.lines).toHaveLength(5)
    expect(layout.width).toBeGreaterThan(0)
  })
})
