import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ATLAS_LABELS, SUPPORT_KINDS, type Ring, type Sector } from '../../../../shared/plan/index.ts'
import { usePlan } from '../../../plan/hooks.ts'
import { useLive } from '../../../plan/useLive.ts'
import { useMe } from '../../../plan/useMe.ts'
import { useFormat } from '../../../ui/useFormat.ts'
import { AtlasDialog } from '../parts/AtlasDialog.tsx'
import { PersonDetailsDialog, personDialog, type PersonDialogProps } from '../parts/PersonDialog.tsx'
import { useShowPerson } from '../parts/useShowPerson.ts'
import { TickGroup } from '../parts/TickGroup.tsx'
import { CellFields } from './CellFields.tsx'
import { useMarkSays } from '../marks/useMarkSays.ts'
import { useMarkWriter } from '../marks/useMarkWriter.ts'
import { WhereMarksGo } from '../marks/WhereMarksGo.tsx'

const RELATIONSHIP_MARKS = ['strained', 'brug'] as const

/**
 * One person's place and relationship on the relatiekaart: ring, sector, what
 * the contact gives, whether it is strained, whether it is a bridge to build,
 * a note. Every change is shared at once. For someone not on the map yet it
 * asks only where they go.
 */
export const RelationshipDialog = personDialog(RelationshipDetails)

function RelationshipDetails({ person, onClose }: PersonDialogProps) {
  const { t } = useTranslation('netwerkatlas')
  const { plan } = usePlan()
  const me = useMe()
  const format = useFormat()
  const show = useShowPerson()
  const kaart = plan.netwerkatlas.relatiekaart
  const placed = useLive(kaart, () => kaart.get(person))
  const name = placed ? show(placed.person) : (plan.nameOf(person) ?? '')
  const { sensitivity, set, writeNote, question } = useMarkWriter(person)
  const says = useMarkSays()
  const [draft, setDraft] = useState<{ ring: Ring | null; sector: Sector | null }>({ ring: null, sector: null })

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

  return (
    <PersonDetailsDialog
      title={t('relatiekaart.detailsTitle', { name })}
      onClose={onClose}
      note={{
        label: t('relatiekaart.note'),
        stored: sensitivity.notes.relatiekaart?.text ?? '',
        save: (note, options) => writeNote('relatiekaart', note, options),
        says: says(sensitivity.notes.relatiekaart),
      }}
      takeOutLabel={t('relatiekaart.takeOff')}
      onTakeOut={() => kaart.remove(person)}
    >
      <CellFields ring={placed.ring} sector={placed.sector} onChange={(change) => kaart.move(person, change, me)} />
      <TickGroup
        legend={t('relatiekaart.support')}
        options={SUPPORT_KINDS.map((key) => ({ key, label: format.wording(ATLAS_LABELS.support[key]) }))}
        checked={(kind) => placed.support.includes(kind)}
        onChange={(kind, on) => kaart.setSupport(person, kind, on, me)}
      />
      <TickGroup
        legend={t('relatiekaart.howIsIt')}
        options={RELATIONSHIP_MARKS.map((key) => ({ key, label: format.wording(ATLAS_LABELS.relationship[key]), says: key === 'strained' ? says(sensitivity.marks.difficultContact) : null }))}
        checked={(mark) => (mark === 'strained' ? sensitivity.marks.difficultContact !== undefined : placed[mark])}
        // "Het contact is soms lastig" is a sensitive mark (issue 11); a bridge to build is not.
        onChange={(mark, on) => (mark === 'strained' ? set('difficultContact', on) : kaart.describe(person, { [mark]: on }, me))}
      />
      <WhereMarksGo question={question} name={name} />
    </PersonDetailsDialog>
  )
}
