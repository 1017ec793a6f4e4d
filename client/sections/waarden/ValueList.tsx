import type { StoredValue } from '../../../shared/plan/index.ts'
import { ValueItem } from './ValueItem.tsx'

/** Values of one list (the group's, or one person's), in their order. */
export function ValueList({ values, label, empty }: { values: readonly StoredValue[]; label: string; empty?: string }) {
  if (values.length === 0) return empty ? <p className="muted">{empty}</p> : null
  return (
    <ul className="values" aria-label={label}>
      {values.map((value, index) => (
        <ValueItem key={value.id} value={value} index={index} count={values.length} />
      ))}
    </ul>
  )
}
