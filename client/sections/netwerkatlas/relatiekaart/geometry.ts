import { RINGS, SECTORS, type Ring, type Sector } from '../../../../shared/plan/index.ts'

/**
 * The relatiekaart drawn as circles: the household in the middle, three rings
 * of closeness around it, five sectors of life. All sizes in SVG units; the
 * drawing is centred on (0, 0).
 */
export const MAP = {
  /** Radius of the household in the middle. */
  centre: 46,
  /** Outer radius of each ring, centre outwards. */
  ringOuter: [98, 148, 204] as const,
  /** The outer ring keeps a band along its edge for the sector names. */
  labelBand: 20,
  /** Half the width and height of the whole drawing. */
  half: 210,
  pillHeight: 22,
  fontSize: 13,
  ringFontSize: 11,
} as const

/** The outer edge of the whole map. */
export const OUTER = MAP.ringOuter[2]

const SECTOR_SPAN = 360 / SECTORS.length
/** Familie sits at the top, the other sectors follow clockwise. */
const FIRST_SECTOR_START = -90 - SECTOR_SPAN / 2

export interface Point {
  x: number
  y: number
}

/** Inner and outer radius of a ring. */
export function ringBounds(ring: Ring): [number, number] {
  const index = RINGS.indexOf(ring)
  const inner = index === 0 ? MAP.centre : (MAP.ringOuter[index - 1] ?? MAP.centre)
  return [inner, MAP.ringOuter[index] ?? MAP.half]
}

/** Where people may stand in a ring: the outer ring leaves room for the sector names. */
export function ringRoom(ring: Ring): [number, number] {
  const [inner, outer] = ringBounds(ring)
  return [inner, ring === RINGS[RINGS.length - 1] ? outer - MAP.labelBand : outer]
}

/** Start and end angle of a sector, in degrees (0 = right, clockwise, as SVG draws). */
export function sectorAngles(sector: Sector): [number, number] {
  const start = FIRST_SECTOR_START + SECTORS.indexOf(sector) * SECTOR_SPAN
  return [start, start + SECTOR_SPAN]
}

export function polar(radius: number, degrees: number): Point {
  const radians = (degrees * Math.PI) / 180
  return { x: radius * Math.cos(radians), y: radius * Math.sin(radians) }
}

/**
 * The ring and sector at a point of the drawing; null in the middle (the
 * household itself) and outside the circles, where a drop changes nothing.
 */
export function cellAt(point: Point): { ring: Ring; sector: Sector } | null {
  const radius = Math.hypot(point.x, point.y)
  if (radius < MAP.centre || radius > OUTER) return null
  const ring = RINGS.find((r) => radius <= ringBounds(r)[1])
  const angle = normalize(Math.atan2(point.y, point.x) * (180 / Math.PI) - FIRST_SECTOR_START)
  const sector = SECTORS[Math.min(SECTORS.length - 1, Math.floor(angle / SECTOR_SPAN))]
  return ring && sector ? { ring, sector } : null
}

/** The outline of one ring × sector cell, as an SVG path. */
export function cellPath(ring: Ring, sector: Sector): string {
  const [inner, outer] = ringBounds(ring)
  const [start, end] = sectorAngles(sector)
  const a = polar(outer, start)
  const b = polar(outer, end)
  const c = polar(inner, end)
  const d = polar(inner, start)
  return `M${f(a.x)} ${f(a.y)} A${outer} ${outer} 0 0 1 ${f(b.x)} ${f(b.y)} L${f(c.x)} ${f(c.y)} A${inner} ${inner} 0 0 0 ${f(d.x)} ${f(d.y)} Z`
}

/**
 * The arc a sector's name is written along, near the outer edge. In the lower
 * half it runs the other way round, so the words never stand on their head.
 */
export function sectorLabelArc(sector: Sector): string {
  const [start, end] = sectorAngles(sector)
  const radius = OUTER - MAP.labelBand / 2 - 1
  const middle = normalize((start + end) / 2)
  const lowerHalf = middle > 0 && middle < 180
  const pad = 2
  if (lowerHalf) {
    // Right to left along the bottom, baseline below the middle of the band so the letters sit inside it.
    const r = radius + 4
    const a = polar(r, end - pad)
    const b = polar(r, start + pad)
    return `M${f(a.x)} ${f(a.y)} A${r} ${r} 0 0 0 ${f(b.x)} ${f(b.y)}`
  }
  const r = radius - 4
  const a = polar(r, start + pad)
  const b = polar(r, end - pad)
  return `M${f(a.x)} ${f(a.y)} A${r} ${r} 0 0 1 ${f(b.x)} ${f(b.y)}`
}

/** Where a ring's name is written: along the inside of its outer edge, at the bottom, reading left to right. */
export function ringLabelArc(ring: Ring): string {
  const r = ringBounds(ring)[1] - 4
  const a = polar(r, 90 + 40)
  const b = polar(r, 90 - 40)
  return `M${f(a.x)} ${f(a.y)} A${r} ${r} 0 0 0 ${f(b.x)} ${f(b.y)}`
}

/** The space a ring's name takes (a box around the bottom of its arc), which people's pills keep clear of. */
export function ringLabelBox(ring: Ring, label: string): Box {
  const r = ringBounds(ring)[1] - 8
  return { center: { x: 0, y: r }, w: label.length * MAP.ringFontSize * 0.56 + 8, h: MAP.ringFontSize + 4 }
}

/** An upright rectangle by its centre. */
export interface Box {
  center: Point
  w: number
  h: number
}

/** The width a name's pill takes at the map's font size. */
export function pillWidth(label: string): number {
  return Math.round(16 + label.length * MAP.fontSize * 0.56)
}

/**
 * Where each person of one cell stands: the first free spot, trying the
 * middle of the ring and the sector first, so pills never overlap while there
 * is room. When a cell is full, later pills go where they overlap least.
 */
export function placeInCell(ring: Ring, sector: Sector, widths: readonly number[], reserved: readonly Box[] = []): Point[] {
  const [inner, outer] = ringRoom(ring)
  const [start, end] = sectorAngles(sector)
  const h = MAP.pillHeight
  const candidates: Point[] = []
  const radii = spread((inner + outer) / 2, inner + h / 2 + 2, outer - h / 2 - 2, 6)
  const angles = spread((start + end) / 2, start + 4, end - 4, 2)
  for (const r of radii) for (const a of angles) candidates.push(polar(r, a))
  const placed: Box[] = [...reserved]
  return widths.map((w) => {
    let best: Point = candidates[0] ?? { x: 0, y: 0 }
    let bestCost = Number.POSITIVE_INFINITY
    for (const candidate of candidates) {
      const cost = overlap(candidate, w, placed) * 1000 + outside(candidate, w, ring, sector)
      if (cost < bestCost) {
        best = candidate
        bestCost = cost
        if (cost === 0) break
      }
    }
    placed.push({ center: best, w, h })
    return best
  })
}

/** Values from `middle` outwards to both ends, `step` apart: middle, middle+step, middle-step, ... */
function spread(middle: number, low: number, high: number, step: number): number[] {
  const values = [middle]
  for (let d = step; middle - d >= low || middle + d <= high; d += step) {
    if (middle + d <= high) values.push(middle + d)
    if (middle - d >= low) values.push(middle - d)
  }
  return values
}

function overlap(center: Point, w: number, placed: readonly Box[]): number {
  const gap = 3
  let total = 0
  for (const other of placed) {
    const dx = (w + other.w) / 2 + gap - Math.abs(center.x - other.center.x)
    const dy = (MAP.pillHeight + other.h) / 2 + gap - Math.abs(center.y - other.center.y)
    if (dx > 0 && dy > 0) total += dx * dy
  }
  return total
}

/**
 * How far a pill's corners stick out of its cell (0 when it fits). A pill is
 * an upright box in a curved cell, so its corners may cross the ring's edges
 * a little (the pill still reads as inside); sector edges are kept strictly,
 * because a pill across one looks like it belongs to the next part of life.
 */
function outside(center: Point, w: number, ring: Ring, sector: Sector): number {
  const [inner, outer] = ringRoom(ring)
  const [start, end] = sectorAngles(sector)
  const slack = 7
  // Along the outer edge run the sector names: no slack there, and sticking out costs thrice as much as inwards.
  const outermost = ring === RINGS[RINGS.length - 1]
  const outerSlack = outermost ? 0 : slack
  const outerWeight = outermost ? 3 : 1
  let total = 0
  for (const dx of [-w / 2, w / 2]) {
    for (const dy of [-MAP.pillHeight / 2, MAP.pillHeight / 2]) {
      const x = center.x + dx
      const y = center.y + dy
      const r = Math.hypot(x, y)
      total += Math.max(0, inner - slack - r) + outerWeight * Math.max(0, r - outer - outerSlack)
      // Distance past either sector edge, measured across the edge line.
      total += Math.max(0, 2 - crossDistance(x, y, start)) + Math.max(0, crossDistance(x, y, end) + 2)
    }
  }
  return total
}

/** Signed distance of a point from the line at `degrees` through the middle; positive is clockwise of it. */
function crossDistance(x: number, y: number, degrees: number): number {
  const radians = (degrees * Math.PI) / 180
  return Math.cos(radians) * y - Math.sin(radians) * x
}

function normalize(degrees: number): number {
  return ((degrees % 360) + 360) % 360
}

function f(value: number): string {
  return value.toFixed(2)
}
