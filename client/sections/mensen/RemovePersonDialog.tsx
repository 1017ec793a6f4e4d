import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from 'react-aria-components'
import { ATLAS_LABELS, WHEN_PERSON_REMOVED, type AtlasReference, type Person, type Stored } from '../../../shared/plan/index.ts'
import { usePlan } from '../../plan/hooks.ts'
import { useActor } from '../../plan/useActor.ts'
import { AppDialog } from '../../ui/AppDialog.tsx'
import { useFormat } from '../../ui/useFormat.ts'

/**
 * Removing someone who still appears elsewhere in the plan: says where
 * ("op de relatiekaart", "een moment in het contactschema (2)") and asks
 * what to do with those places — take them out everywhere, or keep them as
 * "iemand die niet meer op de lijst staat". Either way the person can be put
 * back from "Verwijderd".
 */
export function RemovePersonDialog({ person, onClose }: { person: Stored<Person> | null; onClose: () => void }) {
  const { t } = useTranslation('mensen')
  const { plan } = usePlan()
  const actor = useActor()
  const format = useFormat()
  const places = useMemo(() => {
    if (!person) return []
    const counts = new Map<string, number>()
    for (const ref of plan.personReferences.whereIs(person.id)) {
      const key = `${ref.instrument}.${ref.kind}`
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
    return [...counts].map(([key, count]) => ({ key, count, words: placeWords(key) }))
    // Read once when the dialog opens: the question is about the places as they are now.
  }, [person, plan])

  function placeWords(key: string): string {
    const atlas = ATLAS_LABELS.references[key as AtlasReference] as (typeof ATLAS_LABELS.references)[AtlasReference] | undefined
    if (atlas) return format.wording(atlas)
    const instrument = key.split('.')[0] ?? ''
    return t(`removeDialog.places.${instrument}`, { defaultValue: t('removeDialog.places.elsewhere') })
  }

  return (
    <AppDialog isOpen={person !== null} onOpenChange={(open) => !open && onClose()} title={person ? t('removeDialog.title', { name: person.name }) : ''} role="alertdialog">
      {(close) =>
        person && (
          <>
            <p>{t('removeDialog.intro', { name: person.name })}</p>
            <ul className="remove-places">
              {places.map((place) => (
                <li key={place.key}>
                  {place.words}
                  {place.count > 1 && <span className="muted"> ({place.count})</span>}
                </li>
              ))}
            </ul>
            <p>{t('removeDialog.question')}</p>
            <div className="button-row">
              {WHEN_PERSON_REMOVED.map((choice) => (
                <Button
                  key={choice}
                  className="button"
                  onPress={() => {
                    plan.personReferences.removePerson(person.id, choice, actor)
                    close()
                  }}
                >
                  {format.wording(ATLAS_LABELS.whenPersonRemoved[choice])}
                </Button>
              ))}
              <Button className="button button-quiet" onPress={close} autoFocus>
                {t('common:actions.cancel')}
              </Button>
            </div>
            <p className="field-hint">{t('removeDialog.restoreHint')}</p>
          </>
        )
      }
    </AppDialog>
  )
}
