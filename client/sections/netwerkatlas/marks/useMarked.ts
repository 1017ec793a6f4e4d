import { useMemo } from 'react'
import type { ContactEntry, FamilyMember, RingView } from '../../../../shared/plan/index.ts'
import { useLive } from '../../../plan/useLive.ts'
import { useMarkRooms } from './MarkRooms.tsx'

/*
 * The instruments' views as this device sees them: a person's sensitive
 * marks and notes read from every room it opens (issue 11), in the fields
 * the drawings and lists already show. A device that does not open a room
 * never has its marks, so it draws nothing of them.
 */

/** The familiekaart's generations with each member's marks and note as seen here. */
export function useMarkedGenerations(generations: { generation: number; members: FamilyMember[] }[]): { generation: number; members: FamilyMember[] }[] {
  const { seen } = useMarkRooms()
  const version = useLive(seen, () => seen.version)
  return useMemo(() => {
    void version
    return generations.map((row) => ({
      ...row,
      members: row.members.map((member) => {
        const { marks, notes } = seen.of(member.person.id)
        return { ...member, deceased: marks.passedAway !== undefined, outOfContact: marks.noContact !== undefined, note: notes.familiekaart?.text ?? '' }
      }),
    }))
  }, [generations, seen, version])
}

/** The relatiekaart's rings with each person's "soms lastig" and note as seen here. */
export function useMarkedRings(rings: RingView[]): RingView[] {
  const { seen } = useMarkRooms()
  const version = useLive(seen, () => seen.version)
  return useMemo(() => {
    void version
    return rings.map((ring) => ({
      ...ring,
      sectors: ring.sectors.map((cell) => ({
        ...cell,
        people: cell.people.map((placed) => {
          const { marks, notes } = seen.of(placed.person.id)
          return { ...placed, strained: marks.difficultContact !== undefined, note: notes.relatiekaart?.text ?? '' }
        }),
      })),
    }))
  }, [rings, seen, version])
}

/** The contactschema's people with each one's note as seen here. */
export function useMarkedContacts(entries: ContactEntry[]): ContactEntry[] {
  const { seen } = useMarkRooms()
  const version = useLive(seen, () => seen.version)
  return useMemo(() => {
    void version
    return entries.map((entry) => ({ ...entry, note: seen.of(entry.person.id).notes.contactschema?.text ?? '' }))
  }, [entries, seen, version])
}
