import {
  onDate,
  recurring,
  type ActionStatus,
  type CardStep,
  type Leefgebied,
  type PersonId,
  type Plan,
  type StoredAction,
} from '../../../shared/plan/index.ts'

/** An action as the form edits it: plain fields, with "wanneer" split into its two kinds. */
export interface ActionDraft {
  wat: string
  waar: string
  hoe: string
  status: ActionStatus
  wanneer: 'none' | 'date' | 'recurring'
  date: string
  recurring: string
  wie: PersonId[]
  values: string[]
  steps: CardStep[]
  leefgebieden: Leefgebied[]
}

/** The form's starting point: an existing action, or an empty one. */
export function draftOf(action?: StoredAction): ActionDraft {
  return {
    wat: action?.wat ?? '',
    waar: action?.waar ?? '',
    hoe: action?.hoe ?? '',
    status: action?.status ?? 'trying',
    wanneer: action?.wanneer?.kind ?? 'none',
    date: action?.wanneer?.kind === 'date' ? action.wanneer.date : '',
    recurring: action?.wanneer?.kind === 'recurring' ? action.wanneer.text : '',
    wie: action?.wie.map((h) => h.person) ?? [],
    values: action?.values ?? [],
    steps: action?.steps ?? [],
    leefgebieden: action?.leefgebieden ?? [],
  }
}

/**
 * Writes a draft: a new action, or only what changed on an existing one (so
 * two people changing different fields both keep their change). New people
 * in "wie" are asked; people taken off are released, except someone who said
 * yes, whom only they themselves take off (the schema refuses it anyway).
 * Returns the action's id, or null when there was nothing to add.
 */
export function saveDraft(plan: Plan, me: PersonId, draft: ActionDraft, action?: StoredAction): string | null {
  const team = plan.basisteam
  const wanneer = draft.wanneer === 'date' ? onDate(draft.date) : draft.wanneer === 'recurring' && draft.recurring.trim() ? recurring(draft.recurring.trim()) : null
  if (!action) {
    if (!draft.wat.trim()) return null
    return team.add(
      {
        wat: draft.wat.trim(),
        waar: draft.waar.trim(),
        hoe: draft.hoe.trim(),
        wanneer,
        status: draft.status,
        wie: draft.wie,
        values: draft.values,
        steps: draft.steps,
        leefgebieden: draft.leefgebieden,
      },
      me,
    )
  }
  const id = action.id
  const patch: Parameters<typeof team.edit>[1] = {}
  if (draft.wat.trim() && draft.wat.trim() !== action.wat) patch.wat = draft.wat.trim()
  if (draft.waar.trim() !== action.waar) patch.waar = draft.waar.trim()
  if (draft.hoe.trim() !== action.hoe) patch.hoe = draft.hoe.trim()
  if (JSON.stringify(wanneer) !== JSON.stringify(action.wanneer)) patch.wanneer = wanneer
  if (Object.keys(patch).length > 0) team.edit(id, patch, me)
  if (draft.status !== action.status) team.setStatus(id, draft.status, me)
  const asked = action.wie.map((h) => h.person)
  for (const person of draft.wie) if (!asked.includes(person)) team.ask(id, person, me)
  for (const person of asked) if (!draft.wie.includes(person)) team.release(id, person, me)
  syncSet(action.values, draft.values, (v) => team.linkValue(id, v), (v) => team.unlinkValue(id, v))
  syncSet(action.steps, draft.steps, (s) => team.linkStep(id, s), (s) => team.unlinkStep(id, s))
  syncSet(action.leefgebieden, draft.leefgebieden, (l) => team.tag(id, l), (l) => team.untag(id, l))
  return id
}

function syncSet<T>(before: readonly T[], after: readonly T[], add: (x: T) => void, remove: (x: T) => void): void {
  for (const x of after) if (!before.includes(x)) add(x)
  for (const x of before) if (!after.includes(x)) remove(x)
}
