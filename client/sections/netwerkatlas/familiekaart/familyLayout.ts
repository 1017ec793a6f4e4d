import type { FamilyLinkKind, PersonId } from '../../../../shared/plan/index.ts'

/** Sizes of the familiekaart drawing, in SVG units (drawn 1:1 in CSS pixels, so names stay readable on a phone). */
export const FAMILY = {
  nodeWidth: 124,
  nodeHeight: 50,
  gapX: 22,
  /** Room on the left for each row's name ("Grootouders"), so no line ever runs through it. */
  gutter: 92,
  /** Room above each row. */
  rowLabel: 10,
  /** Room between rows for the lines from parents to children. */
  rowGap: 40,
  pad: 14,
} as const

const PITCH = FAMILY.nodeWidth + FAMILY.gapX
const ROW_HEIGHT = FAMILY.rowLabel + FAMILY.nodeHeight + FAMILY.rowGap

export interface LayoutInput {
  /** Oldest generation first; members in people-list order. */
  generations: readonly { generation: number; members: readonly PersonId[] }[]
  links: readonly { id: string; kind: FamilyLinkKind; a: PersonId; b: PersonId }[]
}

export interface PlacedNode {
  id: PersonId
  row: number
  /** Centre of the box. */
  x: number
  /** Top of the box. */
  y: number
}

export interface DrawnLine {
  /** The link(s) the line stands for. */
  key: string
  kind: FamilyLinkKind
  d: string
}

export interface FamilyLayout {
  nodes: Map<PersonId, PlacedNode>
  rows: { generation: number; y: number }[]
  lines: DrawnLine[]
  width: number
  height: number
}

/**
 * Lays the familiekaart out as rows of generations: partners side by side,
 * children under their parents where there is room. Links may form cycles
 * (the data is whatever people drew, from several devices at once), so the
 * layout never walks the family as a tree: each row looks only at rows
 * already placed, and any link it cannot draw neatly is still drawn.
 */
export function layoutFamily(input: LayoutInput): FamilyLayout {
  const nodes = new Map<PersonId, PlacedNode>()
  const rows: FamilyLayout['rows'] = []
  const parentsOf = new Map<PersonId, PersonId[]>()
  const partnersOf = new Map<PersonId, PersonId[]>()
  for (const link of input.links) {
    if (link.kind === 'ouder-kind') push(parentsOf, link.b, link.a)
    else {
      push(partnersOf, link.a, link.b)
      push(partnersOf, link.b, link.a)
    }
  }

  input.generations.forEach(({ generation, members }, row) => {
    const y = FAMILY.pad + row * ROW_HEIGHT + FAMILY.rowLabel
    rows.push({ generation, y })
    const clusters = partnerClusters(members, partnersOf)
    const wanted = clusters.map((cluster) => mean(cluster.flatMap((id) => (parentsOf.get(id) ?? []).flatMap((p) => (nodes.has(p) ? [nodes.get(p)!.x] : [])))))
    // Families with parents above go under them, left to right; the others follow in list order.
    const order = clusters.map((cluster, i) => ({ cluster, want: wanted[i] ?? null, i }))
    order.sort((p, q) => (p.want === null ? 1 : 0) - (q.want === null ? 1 : 0) || (p.want ?? 0) - (q.want ?? 0) || p.i - q.i)
    let next = FAMILY.pad + FAMILY.gutter + FAMILY.nodeWidth / 2
    for (const { cluster, want } of order) {
      const start = want === null ? next : Math.max(next, want - ((cluster.length - 1) * PITCH) / 2)
      cluster.forEach((id, k) => nodes.set(id, { id, row, x: start + k * PITCH, y }))
      next = start + cluster.length * PITCH
    }
  })

  const lines = [...coupleLines(input, nodes), ...childLines(input, nodes, parentsOf)]
  const right = Math.max(0, ...[...nodes.values()].map((n) => n.x + FAMILY.nodeWidth / 2))
  return {
    nodes,
    rows,
    lines,
    width: Math.ceil(right + FAMILY.pad),
    height: FAMILY.pad * 2 + Math.max(1, rows.length) * ROW_HEIGHT - FAMILY.rowGap,
  }
}

/** The row's members grouped so that partners stand together, in list order of each group's first member. */
function partnerClusters(members: readonly PersonId[], partnersOf: Map<PersonId, PersonId[]>): PersonId[][] {
  const inRow = new Set(members)
  const seen = new Set<PersonId>()
  const clusters: PersonId[][] = []
  for (const first of members) {
    if (seen.has(first)) continue
    // Walk partner links within the row (breadth first; `seen` makes cycles harmless).
    const cluster: PersonId[] = []
    const queue = [first]
    seen.add(first)
    while (queue.length) {
      const id = queue.shift()!
      cluster.push(id)
      for (const partner of partnersOf.get(id) ?? []) {
        if (inRow.has(partner) && !seen.has(partner)) {
          seen.add(partner)
          queue.push(partner)
        }
      }
    }
    clusters.push(cluster)
  }
  return clusters
}

function coupleLines(input: LayoutInput, nodes: Map<PersonId, PlacedNode>): DrawnLine[] {
  const lines: DrawnLine[] = []
  for (const link of input.links) {
    if (link.kind === 'ouder-kind') continue
    const a = nodes.get(link.a)
    const b = nodes.get(link.b)
    if (!a || !b) continue
    const [left, right] = a.x <= b.x ? [a, b] : [b, a]
    const mid = left.y + FAMILY.nodeHeight / 2
    let d: string
    if (left.row === right.row && right.x - left.x <= PITCH + 0.5) {
      d = `M${left.x + FAMILY.nodeWidth / 2} ${mid} H${right.x - FAMILY.nodeWidth / 2}`
    } else if (left.row === right.row) {
      // Not side by side (someone stands between): an arch over the row.
      const top = left.y - 10
      d = `M${left.x} ${left.y} C${left.x} ${top - 14} ${right.x} ${top - 14} ${right.x} ${right.y}`
    } else {
      d = `M${a.x} ${a.y + FAMILY.nodeHeight / 2} L${b.x} ${b.y + FAMILY.nodeHeight / 2}`
    }
    lines.push({ key: link.id, kind: link.kind, d })
  }
  return lines
}

/** Lines from parents to each child: from the middle of a couple's line when both parents are a couple standing together, else from each parent. */
function childLines(input: LayoutInput, nodes: Map<PersonId, PlacedNode>, parentsOf: Map<PersonId, PersonId[]>): DrawnLine[] {
  const lines: DrawnLine[] = []
  const couple = new Set(input.links.filter((l) => l.kind !== 'ouder-kind').map((l) => pairKey(l.a, l.b)))
  const linkId = new Map(input.links.filter((l) => l.kind === 'ouder-kind').map((l) => [`${l.a}>${l.b}`, l.id]))
  for (const [childId, parents] of parentsOf) {
    const child = nodes.get(childId)
    if (!child) continue
    const shown = parents.flatMap((p) => (nodes.has(p) ? [nodes.get(p)!] : []))
    const [p, q] = shown
    if (shown.length === 2 && p && q && p.row === q.row && p.row < child.row && couple.has(pairKey(p.id, q.id)) && Math.abs(p.x - q.x) <= PITCH + 0.5) {
      const from = { x: (p.x + q.x) / 2, y: p.y + FAMILY.nodeHeight / 2 }
      lines.push({ key: `${linkId.get(`${p.id}>${childId}`)}+${linkId.get(`${q.id}>${childId}`)}`, kind: 'ouder-kind', d: elbow(from, child, p.row) })
      continue
    }
    for (const parent of shown) {
      const key = linkId.get(`${parent.id}>${childId}`) ?? `${parent.id}>${childId}`
      if (parent.row < child.row) lines.push({ key, kind: 'ouder-kind', d: elbow({ x: parent.x, y: parent.y + FAMILY.nodeHeight }, child, parent.row) })
      else {
        // A parent drawn level with or below the child (a cycle, or a generation set by hand): a plain curve still shows the link.
        const bend = Math.max(parent.y, child.y) + FAMILY.nodeHeight + FAMILY.rowGap / 2
        lines.push({ key, kind: 'ouder-kind', d: `M${parent.x} ${parent.y + FAMILY.nodeHeight} C${parent.x} ${bend} ${child.x} ${bend} ${child.x} ${child.y + FAMILY.nodeHeight}` })
      }
    }
  }
  return lines
}

/** Down from the parent(s), across in the gap under the parents' row, down into the child's box. */
function elbow(from: { x: number; y: number }, child: PlacedNode, parentRow: number): string {
  const parentBottom = FAMILY.pad + parentRow * ROW_HEIGHT + FAMILY.rowLabel + FAMILY.nodeHeight
  const across = parentBottom + FAMILY.rowGap / 2
  return `M${from.x} ${from.y} V${across} H${child.x} V${child.y}`
}

function pairKey(a: PersonId, b: PersonId): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

function mean(values: readonly number[]): number | null {
  return values.length ? values.reduce((sum, v) => sum + v, 0) / values.length : null
}
