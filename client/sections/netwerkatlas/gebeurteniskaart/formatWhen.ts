import type { LifeEvent } from '../../../../shared/plan/index.ts'

/**
 * When an event happened, as people say it: an exact date written out in the
 * language shown ("14 juli 2019", "juli 2019", "2019"), approximate words as
 * they were written ("zomer 2019"). Null when nobody said when.
 */
export function formatWhen(when: LifeEvent['when'], language: 'nl' | 'en'): string | null {
  const [y, m, d] = (when.sortDate ?? '').split('-').map(Number)
  switch (when.precision) {
    case 'dag':
      return y && m && d ? new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(y, m - 1, d)) : when.text
    case 'maand':
      return y && m ? new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric' }).format(new Date(y, m - 1, 1)) : when.text
    case 'jaar':
      return y ? String(y) : when.text
    case 'ongeveer':
      return when.text
    default:
      return null
  }
}
