/**
 * The parts of the plan the gespreksleider walks through during
 * "Presentatie van het plan", in the order they are usually shown: the
 * questions first (what the plan answers), then the plan's own sections.
 * Each but `vragen` is a section of the plan document (client/document/).
 */
export const WALK_PARTS = ['vragen', 'verhaal', 'waarden', 'partnerschapskaart', 'spelregels', 'basisteam', 'mensen'] as const
export type WalkPart = (typeof WALK_PARTS)[number]

/** A part told by another device (awareness), checked; the first part when it is none of ours. */
export function walkPart(value: string | null): WalkPart {
  return WALK_PARTS.find((part) => part === value) ?? WALK_PARTS[0]
}

/** The workspace section where a part is written in, so someone can add to it while it is shown. */
export const PART_SECTION: Record<WalkPart, string> = {
  vragen: 'meedenkbijeenkomst',
  verhaal: 'verhaal',
  waarden: 'waarden',
  partnerschapskaart: 'partnerschapskaart',
  spelregels: 'spelregels',
  basisteam: 'basisteam',
  mensen: 'mensen',
}
