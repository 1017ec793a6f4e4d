import { useEffect, useMemo } from 'react'
import type { StoredMeeting, StoredMeetingStep } from '../../shared/plan/index.ts'
import { usePlan } from '../plan/hooks.ts'
import { useLive } from '../plan/useLive.ts'
import { meetingPlaces, tellPlace, type PersonPlace } from './place.ts'

/** The meeting's own section: `/#/plan/<planId>/meedenkbijeenkomst` (the route's phase links here too). */
export const MEETING_SECTION = 'meedenkbijeenkomst'

/** The meeting under way, or null; kept current. */
export function useRunningMeeting(): StoredMeeting | null {
  const { meetings } = usePlan().plan
  return useLive(meetings, () => meetings.running())
}

/** A meeting's agenda and the step everyone follows, kept current. */
export function useMeetingSteps(id: string): { steps: StoredMeetingStep[]; current: StoredMeetingStep | null } {
  const { meetings } = usePlan().plan
  const steps = useLive(meetings, () => meetings.steps(id))
  const current = useLive(meetings, () => meetings.currentStep(id))
  return { steps, current }
}

/** Everyone's place in the meeting (place.ts), kept current. */
export function useMeetingPlaces(): PersonPlace[] {
  const { connection } = usePlan()
  const places = useMemo(() => meetingPlaces(connection.provider.awareness), [connection])
  return useLive(places, places.list)
}

/**
 * Tells the others where this device is while a meeting runs: the section
 * it has open, and on the gespreksleider's device what the big screen shows.
 * Nothing is told when no meeting runs.
 */
export function useTellPlace(meeting: string | null, section: string, showing: string | null = null, toldElsewhere = false): void {
  const { connection } = usePlan()
  useEffect(() => {
    if (toldElsewhere) return
    tellPlace(connection.provider.awareness, meeting === null ? null : { meeting, section, showing })
  }, [connection, meeting, section, showing, toldElsewhere])
}

/**
 * The part of the plan the big screen shows now (steps/walk.ts): the one the
 * gespreksleider's device tells, or else another leader's; null when nobody
 * chose one.
 */
export function useShownPart(meeting: StoredMeeting): string | null {
  const places = useMeetingPlaces()
  const showing = places.filter((place) => place.meeting === meeting.id && place.showing !== null)
  return (showing.find((place) => place.person === meeting.gespreksleider) ?? showing[0])?.showing ?? null
}
