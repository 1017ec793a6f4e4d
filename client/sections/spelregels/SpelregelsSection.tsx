import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { usePlan } from '../../plan/hooks.ts'
import { useLive } from '../../plan/useLive.ts'
import { useMe } from '../../plan/useMe.ts'
import { FormButtons } from '../../ui/FormButtons.tsx'
import { RemovedNotices } from '../../ui/RemovedNotices.tsx'
import { TextAreaField } from '../../ui/TextAreaField.tsx'
import { Rollen } from './Rollen.tsx'
import { SpelregelItem } from './SpelregelItem.tsx'
import './spelregels.css'

/**
 * "Spelregels": the informal collaborative contract the partnerschapskaart
 * leads to — explicit rules everyone agrees to in their own name — and the
 * roles and responsibilities per person.
 */
export function SpelregelsSection() {
  const { t } = useTranslation('spelregels')
  const { plan, canWrite } = usePlan()
  const rules = useLive(plan.spelregels, () => plan.spelregels.list())
  const removed = useLive(plan.spelregels, () => plan.spelregels.removed())
  return (
    <section className="spelregels stack" aria-labelledby="spelregels-title">
      <h2 id="spelregels-title">{t('title')}</h2>
      <p className="section-intro">{t('intro')}</p>
      {rules.length === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <ol className="spelregel-list" aria-label={t('listLabel')}>
          {rules.map((rule, index) => (
            <SpelregelItem key={rule.id} rule={rule} index={index} count={rules.length} />
          ))}
        </ol>
      )}
      {canWrite && <ProposeRule />}
      <RemovedNotices label={t('removedLabel')} items={removed} onRestore={(id) => plan.spelregels.restore(id)} onDismiss={(id, actor) => plan.spelregels.dismiss(id, actor)} />
      <Rollen />
    </section>
  )
}

function ProposeRule() {
  const { t } = useTranslation('spelregels')
  const { plan } = usePlan()
  const me = useMe()
  const [text, setText] = useState('')
  function submit(event: FormEvent) {
    event.preventDefault()
    if (!text.trim()) return
    plan.spelregels.propose({ text: text.trim() }, me)
    setText('')
  }
  return (
    <form className="spelregel-propose stack" onSubmit={submit}>
      <TextAreaField label={t('propose.label')} hint={t('propose.hint')} value={text} onChange={setText} />
      <FormButtons submit={t('propose.submit')} />
    </form>
  )
}
