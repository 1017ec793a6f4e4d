import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { GENERATIONS } from '../../../../shared/plan/index.ts'
import { useFormat } from '../../../ui/useFormat.ts'
import { generationWords } from './generationWords.ts'

const ALL: number[] = []
for (let g = GENERATIONS.oldest; g <= GENERATIONS.youngest; g++) ALL.push(g)

/** "In welke generatie?": our own generation in the middle, with words, not numbers. */
export function GenerationSelect({ value, onChange }: { value: number; onChange: (generation: number) => void }) {
  const { t } = useTranslation('netwerkatlas')
  const format = useFormat()
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{t('familiekaart.generation')}</label>
      <select id={id} value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {ALL.map((g) => (
          <option key={g} value={g}>
            {generationWords(format, g)}
          </option>
        ))}
      </select>
    </div>
  )
}
