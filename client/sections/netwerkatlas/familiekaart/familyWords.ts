import type { FamilyLink, FamilyMember, PersonId, ReferencedPerson } from '../../../../shared/plan/index.ts'

/** One person's lines, grouped the way a sentence says them: partners, former partners, parents, children. */
export interface LinesOf {
  partners: ReferencedPerson[]
  exPartners: ReferencedPerson[]
  parents: ReferencedPerson[]
  children: ReferencedPerson[]
}

export function linesOf(person: PersonId, links: readonly FamilyLink[]): LinesOf {
  const found: LinesOf = { partners: [], exPartners: [], parents: [], children: [] }
  for (const link of links) {
    const other = link.a.id === person ? link.b : link.b.id === person ? link.a : null
    if (!other) continue
    if (link.kind === 'partner') found.partners.push(other)
    else if (link.kind === 'ex-partner') found.exPartners.push(other)
    else if (link.b.id === person) found.parents.push(other)
    else found.children.push(other)
  }
  return found
}

/** What the drawing and the list of the familiekaart both show, and what choosing someone in either does (nothing for someone who only reads). */
export interface FamilyViewProps {
  generations: readonly { generation: number; members: readonly FamilyMember[] }[]
  links: readonly FamilyLink[]
  onOpen?: (person: PersonId) => void
}
