import type { PersonId } from '../../shared/plan/core.ts'
import { usePlan } from './hooks.ts'

/**
 * The person using this device, for writing (`by`). Inside a workspace this
 * is always known: the workspace only opens after "Wie ben jij?".
 */
export function useMe(): PersonId {
  const { me } = usePlan()
  if (me === null) throw new Error('useMe() needs a workspace whose person is known (answer "Wie ben jij?" first)')
  return me
}
