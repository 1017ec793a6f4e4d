import {
  onDate,
  recurring,
  type ActionStatus,
  type CardStep,
  type HelpSource,
  type Leefgebied,
  type PersonId,
  type Plan,
  type StoredAction,
  type When,
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
  /** Where help comes from; 'none' until someone says. */
  bron: HelpSource | 'none'
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
    bron: action?.bron ?? 'none',
  }
}

/**
 * Writes a draft: a new action, or on an existing one only what the person
 * changed since the form opened (`initial`). Comparing with the form's own
 * starting point, not with the action as it is now, keeps an edit someone
 * else made meanwhile to another field. New people in "wie" are asked;
 * people taken off are released, except someone who said yes, whom only
 * they themselves take off (the schema refuses it anyway).
 * Returns the action's id, or null when there was nothing to add.
 */
export function saveDraft(plan: Plan, me: PersonId, draft: ActionDraft, editing?: { id: string; initial: ActionDraft }): string | null {
  const team = plan.basisteam
  if (!editing) {
    if (!draft.wat.trim()) return null
    return team.add(
      {
        wat: draft.wat.trim(),
        waar: draft.waar.trim(),
        hoe: draft.hoe.trim(),
        wanneer: whenOf(draft),
        status: draft.status,
        wie: draft.wie,
        values: draft.values,
        steps: draft.steps,
        leefgebieden: draft.leefgebieden,
        bron: bronOf(draft),
      },
      me,
    )
  }
  const { id, initial } = editing
  const patch: Parameters<typeof team.edit>[1] = {}
  if (draft.wat.trim() && draft.wat !== initial.wat) patch.wat = draft.wat.trim()
  if (draft.waar !== initial.waar) patch.waar = draft.waar.trim()
  if (draft.hoe !== initial.hoe) patch.hoe = draft.hoe.trim()
  if (JSON.stringify(whenOf(draft)) !== JSON.stringify(whenOf(initial))) patch.wanneer = whenOf(draft)
  if (draft.bron !== initial.bron) patch.bron = bronOf(draft)
  if (Object.keys(patch).length > 0) team.edit(id, patch, me)
  if (draft.status !== initial.status) team.setStatus(id, draft.status, me)
  syncSet(initial.wie, draft.wie, (person) => team.ask(id, person, me), (person) => team.release(id, person, me))
  syncSet(initial.values, draft.values, (v) => team.linkValue(id, v), (v) => team.unlinkValue(id, v))
  syncSet(initial.steps, draft.steps, (step) => team.linkStep(id, step), (step) => team.unlinkStep(id, step))
  syncSet(initial.leefgebieden, draft.leefgebieden, (l) => team.tag(id, l), (l) => team.untag(id, l))
  return id
}

function bronOf(draft: ActionDraft): HelpSource | null {
  return draft.bron === 'none' ? null : draft.bron
}

function whenOf(draft: ActionDraft): When | null {
  if (draft.wanneer === 'date') return onDate(draft.date)
  if (draft.wanneer === 'recurring' && draft.recurring.trim()) return recurring(draft.recurring.trim())
  return null
}

/** Applies what changed between two versions of a set: `add` for new members, `remove` for dropped ones. */
function syncSet<T>(before: readonly T[], after: readonly T[], add: (x: T) => void, remove: (x: T) => void): void {
  for (const x of after) if (!before.includes(x)) add(x)
  for (const x of before) if (!after.includes(x)) remove(x)
}
