import { useCallback, useId, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import type { AuthoredText, PersonId, Source } from '../../shared/plan/core.ts'
import { colorFor } from '../sync/colors.ts'
import { useFormat } from './useFormat.ts'

/**
 * "Wie schreef wat": a quiet toggle under a text written together that shows
 * each part in the colour of whoever wrote it, with their name beside it for
 * screen readers and in the legend. Transparency, not blame: no counts, no
 * ranking, and words from before Kring kept this are simply "eerder".
 */
export function WhoWroteWhat({ sources, read }: { sources: readonly Source[]; read: () => AuthoredText }) {
  const { t } = useTranslation('ui')
  const [shown, setShown] = useState(false)
  const panel = useId()
  return (
    <div className="who-wrote">
      <button type="button" className="button button-quiet who-wrote-toggle" aria-expanded={shown} aria-controls={panel} onClick={() => setShown(!shown)}>
        {shown ? t('whoWrote.hide') : t('whoWrote.show')}
      </button>
      {shown && <Authored id={panel} sources={sources} read={read} />}
    </div>
  )
}

function Authored({ id, sources, read }: { id: string; sources: readonly Source[]; read: () => AuthoredText }) {
  const { t } = useTranslation('ui')
  const format = useFormat()
  const lines = useAuthored(sources, read)
  const authors = [...new Set(lines.flat().map((run) => run.author))]
  const nameOf = (author: PersonId | null) => (author === null ? t('whoWrote.earlier') : format.name(author))
  if (lines.every((line) => line.length === 0)) return <p id={id} className="muted">{t('whoWrote.empty')}</p>
  return (
    <div id={id} className="who-wrote-panel" role="region" aria-label={t('whoWrote.title')}>
      <ul className="who-wrote-legend" aria-label={t('whoWrote.legend')}>
        {authors.map((author) => (
          <li key={author ?? ''}>
            <span className="who-wrote-swatch" style={{ background: author === null ? 'transparent' : colorFor(author) }} aria-hidden="true" />
            {nameOf(author)}
          </li>
        ))}
      </ul>
      <div className="who-wrote-text">
        {lines.map((line, i) => (
          <p key={i}>
            {line.map((run, k) => (
              <span key={k} className="who-wrote-run" style={run.author === null ? undefined : { borderBottomColor: colorFor(run.author) }}>
                <span className="visually-hidden">{t('whoWrote.by', { name: nameOf(run.author) })} </span>
                {run.text}
              </span>
            ))}
          </p>
        ))}
      </div>
    </div>
  )
}

/** The authored text, read again when any source changes. */
function useAuthored(sources: readonly Source[], read: () => AuthoredText): AuthoredText {
  const changes = useRef(0)
  const subscribe = useCallback(
    (onChange: () => void) => {
      const stops = sources.map((source) =>
        source.subscribe(() => {
          changes.current++
          onChange()
        }),
      )
      return () => stops.forEach((stop) => stop())
    },
    [sources],
  )
  const version = useSyncExternalStore(subscribe, () => changes.current)
  return useMemo(() => read(), [read, version])
}
