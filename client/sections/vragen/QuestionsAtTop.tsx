import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { usePlan, useSharedText } from '../../plan/hooks.ts'
import { useLive } from '../../plan/useLive.ts'
import './vragen.css'

/**
 * "Onze vragen" at the top of the plan (where it opens, "Waar staan we?"):
 * the household's own question first, then the plan's questions in their
 * order, to read; changing them is in the section itself. Nothing while
 * there are no questions beyond the household's (Ontmoeten below shows that one).
 */
export function QuestionsAtTop() {
  const { t } = useTranslation('vragen')
  const { plan } = usePlan()
  const ours = useSharedText(plan.question)
  const grouped = useLive(plan.vragen, () => plan.vragen.grouped())
  if (grouped.every((g) => g.questions.length === 0)) return null
  return (
    <section className="vragen-at-top card stack" aria-labelledby="vragen-at-top-title">
      <h3 id="vragen-at-top-title">{t('atTop.title')}</h3>
      {ours.trim() && (
        <p>
          <span className="vragen-at-top-ours">{t('atTop.ours')}:</span> {ours}
        </p>
      )}
      {grouped.map((entry) =>
        entry.questions.length === 0 ? null : (
          <div key={entry.group?.id ?? 'none'} className="vragen-at-top-group">
            {entry.group && <p className="vragen-at-top-group-title">{entry.group.title || t('group.untitled')}</p>}
            <ol className="vragen-at-top-list">
              {entry.questions.map((q) => (
                <li key={q.id}>{q.text}</li>
              ))}
            </ol>
          </div>
        ),
      )}
      <p>
        <Link href="/vragen">{t('atTop.link')}</Link>
      </p>
    </section>
  )
}
