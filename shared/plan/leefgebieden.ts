/**
 * The eleven leefgebieden (life domains) of the Zelfredzaamheid-Matrix, in
 * the matrix's own order (004). In Kring they are an optional lens: a tag on
 * a value or an action, to see which parts of life the plan touches. Never a
 * score, never required. The keys are stored in plans and never change.
 */
export type Leefgebied =
  | 'financien'
  | 'dagbesteding'
  | 'huisvesting'
  | 'huiselijke-relaties'
  | 'geestelijke-gezondheid'
  | 'lichamelijke-gezondheid'
  | 'verslaving'
  | 'adl'
  | 'sociaal-netwerk'
  | 'maatschappelijke-participatie'
  | 'justitie'

export interface LeefgebiedLabel {
  key: Leefgebied
  nl: string
  en: string
}

export const LEEFGEBIEDEN: readonly LeefgebiedLabel[] = [
  { key: 'financien', nl: 'Financiën', en: 'Finances' },
  { key: 'dagbesteding', nl: 'Dagbesteding', en: 'Daytime activities' },
  { key: 'huisvesting', nl: 'Huisvesting', en: 'Housing' },
  { key: 'huiselijke-relaties', nl: 'Huiselijke relaties', en: 'Family relationships' },
  { key: 'geestelijke-gezondheid', nl: 'Geestelijke gezondheid', en: 'Mental health' },
  { key: 'lichamelijke-gezondheid', nl: 'Lichamelijke gezondheid', en: 'Physical health' },
  { key: 'verslaving', nl: 'Verslaving', en: 'Addiction' },
  { key: 'adl', nl: 'Algemene dagelijkse levensverrichtingen', en: 'Activities of daily living' },
  { key: 'sociaal-netwerk', nl: 'Sociaal netwerk', en: 'Social network' },
  { key: 'maatschappelijke-participatie', nl: 'Maatschappelijke participatie', en: 'Taking part in society' },
  { key: 'justitie', nl: 'Justitie', en: 'Justice' },
]

export const LEEFGEBIED_KEYS: readonly Leefgebied[] = LEEFGEBIEDEN.map((l) => l.key)

/** Whether a string is one of the eleven keys (tags written by other versions may not be). */
export function isLeefgebied(value: string): value is Leefgebied {
  return (LEEFGEBIED_KEYS as readonly string[]).includes(value)
}
