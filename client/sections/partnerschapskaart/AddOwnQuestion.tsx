import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CardStep } from '../../../shared/plan/index.ts'
import { usePlan } from '../../plan/hooks.ts'
import { useMe } from '../../plan/useMe.ts'

/**
 * The card's open "Hoe … ?" slots: the group adds its own question to a step,
 * or its own point under a printed question ("• ……" after "aan tijd?").
 */
export function AddOwnQuestion({ step, under, label }: { step: CardStep; under: string | null; label: string }) {
  const { t } = useTranslation('partnerschapskaart')
  const { plan } = usePlan()
  const me = useMe()
  const id = useId()
  const [open, setOpen] = useState(false)
  const [text, setText] = useState(under ? '' : t('ownQuestion.start'))

  function submit(event: FormEvent) {
    event.preventDefault()
    const wording = text.trim()
    if (!wording || wording === t('ownQuestion.start').trim()) return
    plan.partnerschapskaart.addQuestion({ step, text: wording, under }, me)
    setText(under ? '' : t('ownQuestion.start'))
    setOpen(false)
  }

  if (!open) {
    return (
      <button type="button" className="button button-quiet pk-write" aria-expanded={false} aria-label={label} onClick={() => setOpen(true)}>
        + {under ? t('ownQuestion.addAspect') : t('ownQuestion.add')}
      </button>
    )
  }
  return (
    <form className="pk-add stack" onSubmit={submit} aria-label={label}>
      <div className="field">
        <label htmlFor={`${id}-text`}>{under ? t('ownQuestion.aspectText') : t('ownQuestion.text')}</label>
        <input id={`${id}-text`} autoFocus autoComplete="off" value={text} aria-describedby={`${id}-hint`} onChange={(e) => setText(e.target.value)} />
        <p id={`${id}-hint`} className="field-hint">
          {under ? t('ownQuestion.aspectHint') : t('ownQuestion.textHint')}
        </p>
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary button-small">
          {t('ownQuestion.submit')}
        </button>
        <button type="button" className="button button-quiet button-small" onClick={() => setOpen(false)}>
          {t('ui:cancel')}
        </button>
      </div>
    </form>
  )
}
