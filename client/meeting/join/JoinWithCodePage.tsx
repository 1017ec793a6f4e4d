import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'wouter'
import { lookUpMeetingCode, type MeetingCodeResult } from '../../../shared/protocol/lookUpMeetingCode.ts'
import { showMeetingCode, readMeetingCode } from '../../../shared/protocol/meetingCode.ts'
import { AppHeader } from '../../app/AppHeader.tsx'
import { SkipLink } from '../../app/SkipLink.tsx'
import { TextField } from '../../ui/TextField.tsx'
import { invitationPath } from '../../invitations/deviceAccess.ts'
import './join.css'

type Problem = Exclude<MeetingCodeResult['outcome'], 'found'>

/**
 * `/#/m[/<code>]` (the short address `<origin>/m/<code>` lands here): a
 * guest types the meeting's code, or brings it in the address, and the app
 * looks it up at the relay. Found, it continues as the guest link does
 * (`/#/uitnodiging/<token>`): the guest says who they are and is in, with
 * the role the household chose for the meeting's guests.
 */
export function JoinWithCodePage({ given }: { given?: string }) {
  const { t } = useTranslation('join')
  const [, navigate] = useLocation()
  const [typed, setTyped] = useState(given ? (readMeetingCode(given) ? showMeetingCode(readMeetingCode(given)!) : given) : '')
  const [busy, setBusy] = useState(false)
  const [found, setFound] = useState(false)
  const [problem, setProblem] = useState<Problem | null>(null)
  const asked = useRef(false)

  async function join(code: string) {
    setBusy(true)
    setProblem(null)
    const result = await lookUpMeetingCode(location.origin, code)
    setBusy(false)
    if (result.outcome !== 'found') {
      setProblem(result.outcome)
      return
    }
    setFound(true)
    // Replaced, so the code does not stay in the history (it would soon stop working anyway).
    navigate(invitationPath(result.answer.invitation), { replace: true })
  }

  useEffect(() => {
    // A code in the address (a scanned QR) is looked up at once, once.
    if (!given || asked.current) return
    asked.current = true
    void join(given)
  }, [given])

  function submit(event: FormEvent) {
    event.preventDefault()
    void join(typed)
  }

  return (
    <div className="page">
      <SkipLink targetId="content" />
      <AppHeader />
      <main className="page-main stack" id="content" tabIndex={-1}>
        <h1>{t('page.title')}</h1>
        <p>{t('page.intro')}</p>
        <form className="join-code-form stack" onSubmit={submit} noValidate>
          <TextField
            label={t('page.codeLabel')}
            hint={t('page.codeHint')}
            value={typed}
            onChange={setTyped}
            error={problem ? t(`page.${problem}`) : null}
            autoComplete="off"
            autoCapitalize="characters"
            autoCorrect="off"
            spellCheck={false}
            inputMode="text"
            enterKeyHint="go"
          />
          <p>
            <button type="submit" disabled={busy || found}>
              {t('page.submit')}
            </button>
          </p>
          <p role="status">{busy ? t('page.busy') : found ? t('page.found') : ''}</p>
        </form>
        <Link href="/">{t('page.toStart')}</Link>
      </main>
    </div>
  )
}

/** On the start page: the way in for a guest who was given a meeting's code. */
export function HaveACode() {
  const { t } = useTranslation('join')
  return (
    <section className="stack" aria-labelledby="have-a-code-title">
      <h2 id="have-a-code-title">{t('start.title')}</h2>
      <p>
        {t('start.hint')} <Link href="/m">{t('start.link')}</Link>
      </p>
    </section>
  )
}
