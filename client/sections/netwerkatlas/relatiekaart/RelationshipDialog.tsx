import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ATLAS_LABELS, SUPPORT_KINDS, type PersonId, type Ring, type Sector } from '../../../../shared/plan/index.ts'
import { usePlan } from '../../../plan/hooks.ts'
import { useLive } from '../../../plan/useLive.ts'
import { useMe } from '../../../plan/useMe.ts'
import { TextAreaField } from '../../../ui/TextAreaField.tsx'
import { useFormat } from '../../../ui/useFormat.ts'
import { AtlasDialog } from '../people/AtlasDialog.tsx'
import { useShowPerson } from '../people/useShowPerson.ts'
import { CellFields } from './CellFields.tsx'

/**
 * One person's place and relationship on the relatiekaart: ring, sector, what
 * the contact gives, whether it is strained, whether it is a bridge to build,
 * a note. Every change is shared at once. For someone not on the map yet it
 * asks only where they go.
 */
export function RelationshipDialog({ person, onClose }: { person: PersonId | null; onClose: () => void }) {
  return person ? <OpenDialog key={person} person={person} onClose={onClose} /> : null
}

function OpenDialog({ person, onClose }: { person: PersonId; onClose: () => void }) {
  const { t } = useTranslation('netwerkatlas')
  const { plan } = usePlan()
  const me = useMe()
  const format = useFormat()
  const show = useShowPerson()
  const id = useId()
  const kaart = plan.netwerkatlas.relatiekaart
  const placed = useLive(kaart, () => kaart.get(person))
  const name = placed ? show(placed.person) : (plan.nameOf(person) ?? '')
  const [draft, setDraft] = useState<{ ring: Ring | null; sector: Sector | null }>({ ring: null, sector: null })
  const [note, setNote] = useState(placed?.note ?? '')

  if (!placed) {
    return (
      <AtlasDialog
        isOpen
        onOpenChange={(open) => !open && onClose()}
        title={t('relatiekaart.placeTitle', { name })}
        asksForAction
        footer={(close) => (
          <button
            type="button"
            className="button button-primary"
            disabled={!draft.ring || !draft.sector}
            onClick={() => {
              if (draft.ring && draft.sector) kaart.place(person, { ring: draft.ring, sector: draft.sector }, me)
              close()
            }}
          >
            {t('relatiekaart.place')}
          </button>
        )}
      >
        <CellFields ring={draft.ring} sector={draft.sector} onChange={(change) => setDraft((d) => ({ ...d, ...change }))} />
      </AtlasDialog>
    )
  }

  const saveNote = () => note.trim() !== placed.note && kaart.describe(person, { note: note.trim() }, me)
  return (
    <AtlasDialog
      isOpen
      onOpenChange={(open) => {
        if (!open) {
          saveNote()
          onClose()
        }
      }}
      title={t('relatiekaart.detailsTitle', { name })}
      footer={(close) => (
        <button
          type="button"
          className="button button-quiet"
          onClick={() => {
            kaart.remove(person)
            close()
          }}
        >
          {t('relatiekaart.takeOff')}
        </button>
      )}
    >
      <CellFields ring={placed.ring} sector={placed.sector} onChange={(change) => kaart.move(person, change, me)} />
      <fieldset className="field">
        <legend>{t('relatiekaart.support')}</legend>
        {SUPPORT_KINDS.map((kind) => (
          <label key={kind} className="radio" htmlFor={`${id}-${kind}`}>
            <input id={`${id}-${kind}`} type="checkbox" checked={placed.support.includes(kind)} onChange={(e) => kaart.setSupport(person, kind, e.target.checked, me)} />
            {format.wording(ATLAS_LABELS.support[kind])}
          </label>
        ))}
      </fieldset>
      <fieldset className="field">
        <legend>{t('relatiekaart.howIsIt')}</legend>
        <label className="radio" htmlFor={`${id}-strained`}>
          <input id={`${id}-strained`} type="checkbox" checked={placed.strained} onChange={(e) => kaart.describe(person, { strained: e.target.checked }, me)} />
          {format.wording(ATLAS_LABELS.relationship.strained)}
        </label>
        <label className="radio" htmlFor={`${id}-brug`}>
          <input id={`${id}-brug`} type="checkbox" checked={placed.brug} onChange={(e) => kaart.describe(person, { brug: e.target.checked }, me)} />
          {format.wording(ATLAS_LABELS.relationship.brug)}
        </label>
      </fieldset>
      <TextAreaField label={t('relatiekaart.note')} value={note} onChange={setNote} onBlur={saveNote} />
    </AtlasDialog>
  )
}
