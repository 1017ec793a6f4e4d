import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CardStep } from '../../../shared/plan/index.ts'
import { TextField } from '../../ui/TextField.tsx'
import { usePlan } from '../../plan/hooks.ts'
import { useMe } from '../../plan/useMe.ts'
import { FormButtons } from '../../ui/FormButtons.tsx'
import { Unfold } from '../../ui/Unfold.tsx'

/**
 * The card's open "Hoe … ?" slots: the group adds its own question to a step,
 * or its own point under a printed question ("• ……" after "aan tijd?").
 */
export function AddOwnQuestion({ step, under, label }: { step: CardStep; under: string | null; label: string }) {
  const { t } = useTranslation('partnerschapskaart')
  return (
    <Unfold label={under ? t('ownQuestion.addAspect') : t('ownQuestion.add')} accessibleName={label} className="button button-quiet pk-write">
      {(close) => <OwnQuestionForm step={step} under={under} label={label} onClose={close} />}
    </Unfold>
  )
}

function OwnQuestionForm({ step, under, label, onClose }: { step: CardStep; under: string | null; label: string; onClose: () => void }) {
  const { t } = useTranslation('partnerschapskaart')
  const { plan } = usePlan()
  const me = useMe()
  const start = under ? '' : t('ownQuestion.start')
  const [text, setText] = useState(start)

  function submit(event: FormEvent) {
    event.preventDefault()
    const wording = text.trim()
    if (!wording || wording === start.trim()) return
    plan.partnerschapskaart.addQuestion({ step, text: wording, under }, me)
    onClose()
  }

  return (
    <form className="pk-add stack" onSubmit={submit} aria-label={label}>
      <TextField
        label={under ? t('ownQuestion.aspectText') : t('ownQuestion.text')}
        hint={under ? t('ownQuestion.aspectHint') : t('ownQuestion.textHint')}
        autoFocus
        autoComplete="off"
        value={text}
        onChange={setText}
      />
      <FormButtons submit={t('ownQuestion.submit')} onCancel={onClose} small />
    </form>
  )
}
