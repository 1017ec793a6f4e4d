import { useEffect, useState } from 'react'
import { useLocation } from 'wouter'
import { readKeyHandover, type KeyReading } from '../../shared/identity/keyHandover.ts'
import { devicePlan } from '../device/plans.ts'

/** A plan key read and checked, with the household's name when this device knows the plan already. */
export type GivenKey = Extract<KeyReading, { ok: true }> & { householdName: string | null }

/**
 * Reading a plan key someone was given (a link, a QR code, a file), as the
 * pages for a second eigenaar and for taking a plan over both do. A key that
 * came in the page's address is read and then taken out of it at once
 * (`route` without it), so it does not stay in the browser's history.
 */
export function useGivenKey<Problem extends string>(given: string | undefined, route: string) {
  const [, navigate] = useLocation()
  const [problem, setProblem] = useState<Problem | Extract<KeyReading, { ok: false }>['problem'] | null>(null)
  const [found, setFound] = useState<GivenKey | null>(null)

  async function read(candidate: string) {
    setProblem(null)
    setFound(null)
    const reading = await readKeyHandover(candidate)
    if (!reading.ok) return setProblem(reading.problem)
    const known = await devicePlan(reading.exported.planId)
    setFound({ ...reading, householdName: known?.householdName || null })
  }

  useEffect(() => {
    if (!given) return
    navigate(route, { replace: true })
    void read(given)
  }, [given])

  return { found, problem, setProblem, read }
}
