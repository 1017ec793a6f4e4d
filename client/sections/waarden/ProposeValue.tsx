import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Leefgebied, ValueScope } from '../../../shared/plan/index.ts'
import { TextField } from '../../ui/TextField.tsx'
import { usePlan } from '../../plan/hooks.ts'
import { useMe } from '../../plan/useMe.ts'
import { FormButtons } from '../../ui/FormButtons.tsx'
import { LeefgebiedenPicker } from '../../ui/Leefgebieden.tsx'

/** Writes down a value, for me or for us. An empty line is simply not added: nothing here is required. */
export function ProposeValue({ scope }: { scope: ValueScope }) {
  const { t } = useTranslation('waarden')
  const { plan, canWrite } = usePlan()
  const me = useMe()
  const [text, setText] = useState('')
  const [tags, setTags] = useState<Leefgebied[]>([])
  const label = scope === 'personal' ? t('propose.mine') : t('propose.ours')

  if (!canWrite) return null

  function submit(event: FormEvent) {
    event.preventDefault()
    if (!text.trim()) return
    plan.waarden.propose({ text: text.trim(), scope, leefgebieden: tags }, me)
    setText('')
    setTags([])
  }

  return (
    <form className="propose stack" onSubmit={submit}>
      <TextField label={label} value={text} autoComplete="off" onChange={setText} />
      <LeefgebiedenPicker about={text || label} chosen={tags} onChange={(key, on) => setTags((now) => (on ? [...now, key] : now.filter((k) => k !== key)))} />
      <FormButtons submit={t('propose.submit')} />
    </form>
  )
}
