import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import type { PersonId, StoredCardItem } from '../../../shared/plan/index.ts'
import { usePlan, useRecords } from '../../plan/hooks.ts'
import { useLive } from '../../plan/useLive.ts'
import { useMe } from '../../plan/useMe.ts'
import { usePassedAway } from '../../plan/usePassedAway.ts'
import { AppDialog } from '../../ui/AppDialog.tsx'
import { focusNext, useFocusWhenAsked } from '../../ui/focusOnReplacement.ts'
import { FormButtons } from '../../ui/FormButtons.tsx'
import { useFormat } from '../../ui/useFormat.ts'

/**
 * The card's last step leads to action: an item under Acties becomes a
 * basisteam action in one move, keeping its link to the card. "Wat ga ik
 * doen?" asks its writer (a yes at once when that is me); "Wat vragen we
 * aan anderen om te doen?" asks the others ticked, who each say yes or no in
 * their own "Wat doe ik". Once made, the item says where the action is.
 */
export function CardToAction({ item }: { item: StoredCardItem }) {
  const { t } = useTranslation('partnerschapskaart')
  const { plan, canWrite } = usePlan()
  const action = useLive(plan.basisteam, () => plan.basisteam.forCardItem(item.id))
  const [open, setOpen] = useState(false)
  // Made here: the link takes the place of the button that opened the dialog, and focus with it.
  const made = useFocusWhenAsked<HTMLAnchorElement>(`card-action:${item.id}`)

  if (action) {
    return (
      <p className="pk-item-meta pk-item-action">
        {t('toAction.isAction')}{' '}
        <Link ref={made} href="/basisteam">
          {t('toAction.toBasisteam')}
        </Link>
      </p>
    )
  }
  if (!canWrite) return null
  return (
    <>
      <div className="button-row">
        <button type="button" className="button button-small" aria-label={t('toAction.buttonLabel', { text: item.text })} onClick={() => setOpen(true)}>
          {t('toAction.button')}
        </button>
      </div>
      <AppDialog isOpen={open} onOpenChange={setOpen} title={t('toAction.title')}>
        {(close) => <ToActionForm item={item} onDone={close} />}
      </AppDialog>
    </>
  )
}

function ToActionForm({ item, onDone }: { item: StoredCardItem; onDone: () => void }) {
  const { t } = useTranslation('partnerschapskaart')
  const { plan } = usePlan()
  const me = useMe()
  const format = useFormat()
  const people = useRecords(plan.people)
  const passedAway = usePassedAway(plan)
  const others = item.question === 'acties.anderen'
  const [wie, setWie] = useState<PersonId[]>(() => (item.question === 'acties.ik' && item.createdBy ? [item.createdBy] : []))

  function submit(event: FormEvent) {
    event.preventDefault()
    focusNext(`card-action:${item.id}`)
    plan.basisteam.fromCardItem(item, wie, me)
    onDone()
  }

  return (
    <form className="stack" onSubmit={submit}>
      <p className="pk-to-action-text">“{item.text}”</p>
      <p className="muted">{t('toAction.intro')}</p>
      <fieldset className="field">
        <legend>{others ? t('toAction.wieOthers') : t('toAction.wie')}</legend>
        <p className="field-hint">{t('toAction.wieHint')}</p>
        <div className="checkbox-columns">
          {people
            .filter((person) => !passedAway.includes(person.id))
            .map((person) => (
              <label key={person.id} className="radio">
                <input
                  type="checkbox"
                  checked={wie.includes(person.id)}
                  onChange={(e) => setWie((now) => (e.target.checked ? [...now, person.id] : now.filter((p) => p !== person.id)))}
                />
                {format.name(person.id)}
              </label>
            ))}
        </div>
      </fieldset>
      <FormButtons submit={t('toAction.submit')} onCancel={onDone} />
    </form>
  )
}
