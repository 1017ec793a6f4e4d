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

/** One life area: its official name in the matrix (`nl`, `en`) and the everyday words an inwoner knows it by. */
export interface LeefgebiedLabel {
  key: Leefgebied
  /** The matrix's own name, shown small beside the everyday words. */
  nl: string
  en: string
  /** What it is about in everyday words (B1), shown first. */
  everyday: { nl: string; en: string }
}

export const LEEFGEBIEDEN: readonly LeefgebiedLabel[] = [
  { key: 'financien', nl: 'Financiën', en: 'Finances', everyday: { nl: 'Geld', en: 'Money' } },
  { key: 'dagbesteding', nl: 'Dagbesteding', en: 'Daytime activities', everyday: { nl: 'Wat je overdag doet', en: 'What you do during the day' } },
  { key: 'huisvesting', nl: 'Huisvesting', en: 'Housing', everyday: { nl: 'Wonen', en: 'Your home' } },
  { key: 'huiselijke-relaties', nl: 'Huiselijke relaties', en: 'Family relationships', everyday: { nl: 'Thuis en gezin', en: 'Home and family' } },
  { key: 'geestelijke-gezondheid', nl: 'Geestelijke gezondheid', en: 'Mental health', everyday: { nl: 'Hoe je je voelt', en: 'How you feel' } },
  { key: 'lichamelijke-gezondheid', nl: 'Lichamelijke gezondheid', en: 'Physical health', everyday: { nl: 'Je lichaam en gezondheid', en: 'Your body and health' } },
  { key: 'verslaving', nl: 'Verslaving', en: 'Addiction', everyday: { nl: 'Alcohol, drugs of gokken', en: 'Alcohol, drugs or gambling' } },
  { key: 'adl', nl: 'Algemene dagelijkse levensverrichtingen', en: 'Activities of daily living', everyday: { nl: 'Dagelijkse dingen (wassen, aankleden, eten)', en: 'Everyday things (washing, dressing, eating)' } },
  { key: 'sociaal-netwerk', nl: 'Sociaal netwerk', en: 'Social network', everyday: { nl: 'Mensen om je heen', en: 'People around you' } },
  { key: 'maatschappelijke-participatie', nl: 'Maatschappelijke participatie', en: 'Taking part in society', everyday: { nl: 'Meedoen in de buurt', en: 'Taking part in the neighbourhood' } },
  { key: 'justitie', nl: 'Justitie', en: 'Justice', everyday: { nl: 'Politie en rechter', en: 'Police and courts' } },
]

export const LEEFGEBIED_KEYS: readonly Leefgebied[] = LEEFGEBIEDEN.map((l) => l.key)

/** Whether a string is one of the eleven keys (tags written by other versions may not be). */
export function isLeefgebied(value: string): value is Leefgebied {
  return (LEEFGEBIED_KEYS as readonly string[]).includes(value)
}
