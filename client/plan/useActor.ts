import { useMemo } from 'react'
import type { Actor } from '../../shared/plan/actor.ts'
import { usePlan } from './hooks.ts'

/** Who acts on this device, for the acts the schema decides by who you are (erasing for everyone, removing people). */
export function useActor(): Actor {
  const { me, access } = usePlan()
  return useMemo(() => ({ person: me, role: access.role }), [me, access.role])
}
