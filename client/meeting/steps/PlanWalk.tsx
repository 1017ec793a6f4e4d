import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { PART_SECTION, WALK_PARTS, walkPart } from './walk.ts'

/**
 * "Presentatie van het plan": the gespreksleider chooses which part of the
 * plan the big screen shows, part by part; everyone sees which part it is
 * and can open it to add to it, and what they write shows on the screen at
 * once. What is shown travels through presence (place.ts), not the plan.
 */
export function PlanWalk({ leads, showing, onShow }: { leads: boolean; showing: string | null; onShow: (part: string) => void }) {
  const { t } = useTranslation('meeting')
  const part = walkPart(showing)
  const index = WALK_PARTS.indexOf(part)
  const name = t(`walk.parts.${part}`)
  return (
    <section className="meeting-walk card stack" aria-labelledby="meeting-walk-title">
      <h4 id="meeting-walk-title">{t('walk.title')}</h4>
      <p>
        <strong>{t('walk.showing', { part: name })}</strong>
      </p>
      {part !== 'vragen' && (
        <p>
          <Link href={`/${PART_SECTION[part]}`}>{name}</Link>
        </p>
      )}
      {leads && (
        <>
          <div className="button-row">
            <button type="button" className="button" disabled={index === 0} onClick={() => onShow(WALK_PARTS[index - 1]!)}>
              ← {t('walk.previous')}
            </button>
            <button type="button" className="button button-primary" disabled={index === WALK_PARTS.length - 1} onClick={() => onShow(WALK_PARTS[index + 1]!)}>
              {t('walk.next')} →
            </button>
          </div>
          <fieldset className="field meeting-walk-parts">
            <legend>{t('walk.choose')}</legend>
            <div className="button-row">
              {WALK_PARTS.map((each) => (
                <button key={each} type="button" className="button button-quiet button-small" aria-pressed={each === part} onClick={() => onShow(each)}>
                  {t(`walk.parts.${each}`)}
                </button>
              ))}
            </div>
          </fieldset>
        </>
      )}
    </section>
  )
}
