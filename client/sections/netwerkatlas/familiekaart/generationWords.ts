import { ATLAS_LABELS } from '../../../../shared/plan/index.ts'
import type { Format } from '../../../ui/useFormat.ts'

/** The words for a generation ("Grootouders"); generations are kept within the range that has words. */
export function generationWords(format: Format, generation: number): string {
  const key = String(generation) as keyof typeof ATLAS_LABELS.generations
  const words = ATLAS_LABELS.generations[key]
  return words ? format.wording(words) : String(generation)
}
