import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'wouter'
import { issueToken } from '../../shared/capabilities/token.ts'
import { AppHeader } from '../app/AppHeader.tsx'
import { planPath } from '../app/planAddress.ts'
import { SkipLink } from '../app/SkipLink.tsx'
import { savePlanKey } from '../device/planKeys.ts'
import { saveToken } from '../device/tokens.ts'
import { TextAreaField } from '../ui/TextAreaField.tsx'
import { useGivenKey, type GivenKey } from './useGivenKey.ts'
import './invitations.css'


/**
 * `/#/sleutel` (from the start page) and `/#/sleutel/<key>` (a scanned QR
 * code): a second household member keeps the plan key on this device and so
 * manages the plan too. A key in the address is taken out of it at once, so
 * it does not stay in the browser's history.
 */
export function KeyImportPage({ given }: { given?: string }) {
  const { t } = useTranslation('uitnodiging')
  const [, navigate] = useLocation()
  const id = useId()
  const [text, setText] = useState('')
  const { found, problem, setProblem, read } = useGivenKey<'failed'>(given, '/sleutel')

  async function readFile(file: File | undefined) {
    if (!file) return
    const content = await file.text()
    setText('')
    await read(content)
  }

  async function keep(key: GivenKey) {
    try {
      await savePlanKey(key.exported)
      // This device now speaks for the household: an eigenaar token of its own, replacing any invitation it had.
      await saveToken(key.key.planId, await issueToken(key.key, { role: 'eigenaar', expiresAt: null }))
      navigate(planPath(key.key.planId), { replace: true })
    } catch (error) {
      console.error('Keeping the plan key failed', error)
      setProblem('failed')
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault()
    void read(text)
  }

  return (
    <div className="page">
      <SkipLink targetId="content" />
      <AppHeader />
      <main className="page-main stack" id="content" tabIndex={-1}>
        <h1>{t('importKey.title')}</h1>
        <p>{t('importKey.intro')}</p>
        <p className="key-final">{t('toegang:key.final')}</p>
        <form className="stack card" onSubmit={submit}>
          <div className="field">
            <label htmlFor={`${id}-file`}>{t('importKey.file')}</label>
            <input id={`${id}-file`} type="file" accept=".json,application/json,text/plain" onChange={(e) => void readFile(e.target.files?.[0])} />
          </div>
          <TextAreaField label={t('importKey.paste')} value={text} onChange={setText} rows={3} autoComplete="off" spellCheck={false} />
          <div className="button-row">
            <button type="submit" className="button">
              {t('importKey.read')}
            </button>
          </div>
        </form>
        {problem && (
          <p className="field-error" role="alert">
            {t(problem === 'failed' ? 'importKey.failed' : `importKey.${problem}`)}
          </p>
        )}
        {found && (
          <section className="card stack" aria-live="polite">
            <p>{found.householdName ? t('importKey.found', { name: found.householdName }) : t('importKey.foundUnknown')}</p>
            <div className="button-row">
              <button type="button" className="button button-primary" onClick={() => void keep(found)}>
                {t('importKey.keep')}
              </button>
            </div>
          </section>
        )}
      </main>
    </div>
  )
}
