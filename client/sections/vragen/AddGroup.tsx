import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { usePlan } from '../../plan/hooks.ts'
import { useMe } from '../../plan/useMe.ts'
import { FormButtons } from '../../ui/FormButtons.tsx'
import { TextField } from '../../ui/TextField.tsx'
import { Unfold } from '../../ui/Unfold.tsx'

/** "+ Groep maken": a heading questions can be put under. */
export function AddGroup() {
  const { t } = useTranslation('vragen')
  return <Unfold label={t('group.add')}>{(close) => <GroupForm onDone={close} />}</Unfold>
}

function GroupForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('vragen')
  const { plan } = usePlan()
  const me = useMe()
  const [title, setTitle] = useState('')
  function submit(event: FormEvent) {
    event.preventDefault()
    if (!title.trim()) return
    plan.vragen.addGroup(title.trim(), me)
    onDone()
  }
  return (
    <form className="card stack" onSubmit={submit} aria-label={t('group.add')}>
      <TextField label={t('group.addLabel')} hint={t('group.addHint')} value={title} onChange={setTitle} autoComplete="off" autoFocus />
      <FormButtons submit={t('group.addButton')} onCancel={onDone} />
    </form>
  )
}
