import type { Language } from '../meta.ts'
import type { WhenPersonRemoved } from '../personReferences.ts'
import type { PosterSection } from './basisposter.ts'
import type { ContactFrequency, ContactWay, Day, DayPart } from './contactschema.ts'
import type { DatePrecision } from './eventDates.ts'
import type { FamilyLinkKind } from './familiekaart.ts'
import type { Strength } from './gebeurteniskaart.ts'
import type { Ring, Sector, SupportKind } from './relatiekaart.ts'

/** The places the netwerkatlas reports for a person (instrument.kind of a PersonReference). */
export type AtlasReference =
  | 'familiekaart.member'
  | 'familiekaart.link'
  | 'relatiekaart.placement'
  | 'contactschema.slot'
  | 'contactschema.frequency'
  | 'gebeurteniskaart.event'

/** Words for each stable key, in Dutch (B1) and English. */
export type Labels<K extends string> = Readonly<Record<K, Readonly<Record<Language, string>>>>

/**
 * The words for the netwerkatlas' stable keys. The client's i18n catalogs
 * take them from here, so a key and its words are written down once; keys in
 * the Y.Doc never change, words may.
 */
export const ATLAS_LABELS: {
  rings: Labels<Ring>
  sectors: Labels<Sector>
  support: Labels<SupportKind>
  relationship: Labels<'strained' | 'brug'>
  days: Labels<Day>
  dayParts: Labels<DayPart>
  frequencies: Labels<ContactFrequency>
  contactWays: Labels<ContactWay>
  posterSections: Labels<PosterSection>
  familyLinks: Labels<FamilyLinkKind>
  familyMarks: Labels<'deceased' | 'outOfContact'>
  generations: Labels<'-3' | '-2' | '-1' | '0' | '1' | '2' | '3'>
  strengths: Labels<Strength>
  datePrecisions: Labels<DatePrecision>
  whenPersonRemoved: Labels<WhenPersonRemoved>
  /** Where a person appears, by `${instrument}.${kind}` of a PersonReference (for "waar staat deze persoon nog?"). */
  references: Labels<AtlasReference>
  formerPerson: Readonly<Record<Language, string>>
} = {
  rings: {
    'heel-dichtbij': { nl: 'Heel dichtbij', en: 'Very close' },
    dichtbij: { nl: 'Dichtbij', en: 'Close' },
    'verder-weg': { nl: 'Verder weg', en: 'Further away' },
  },
  sectors: {
    familie: { nl: 'Familie', en: 'Family' },
    vrienden: { nl: 'Vrienden', en: 'Friends' },
    buurt: { nl: 'Buren en buurt', en: 'Neighbours and community' },
    'werk-school': { nl: 'Werk en school', en: 'Work and school' },
    professionals: { nl: 'Professionals', en: 'Professionals' },
  },
  support: {
    praktisch: { nl: 'Helpt met dingen doen', en: 'Practical help' },
    emotioneel: { nl: 'Luistert en steunt', en: 'Emotional support' },
    informatie: { nl: 'Geeft advies en informatie', en: 'Advice and information' },
    gezelschap: { nl: 'Gezelschap', en: 'Company' },
  },
  relationship: {
    strained: { nl: 'Het contact is soms lastig', en: 'The contact is sometimes difficult' },
    brug: { nl: 'Hier willen we een brug bouwen', en: 'A bridge we want to build' },
  },
  days: {
    maandag: { nl: 'maandag', en: 'Monday' },
    dinsdag: { nl: 'dinsdag', en: 'Tuesday' },
    woensdag: { nl: 'woensdag', en: 'Wednesday' },
    donderdag: { nl: 'donderdag', en: 'Thursday' },
    vrijdag: { nl: 'vrijdag', en: 'Friday' },
    zaterdag: { nl: 'zaterdag', en: 'Saturday' },
    zondag: { nl: 'zondag', en: 'Sunday' },
  },
  dayParts: {
    ochtend: { nl: 'ochtend', en: 'morning' },
    middag: { nl: 'middag', en: 'afternoon' },
    avond: { nl: 'avond', en: 'evening' },
  },
  frequencies: {
    dagelijks: { nl: 'Elke dag', en: 'Every day' },
    'paar-keer-per-week': { nl: 'Een paar keer per week', en: 'A few times a week' },
    wekelijks: { nl: 'Elke week', en: 'Every week' },
    maandelijks: { nl: 'Elke maand', en: 'Every month' },
    'af-en-toe': { nl: 'Af en toe', en: 'Now and then' },
    zelden: { nl: 'Bijna nooit', en: 'Hardly ever' },
  },
  contactWays: {
    zien: { nl: 'We zien elkaar', en: 'We meet' },
    bellen: { nl: 'We bellen', en: 'We call' },
    berichten: { nl: 'We sturen berichten', en: 'We send messages' },
  },
  posterSections: {
    'wie-zijn-wij': { nl: 'Wie zijn wij?', en: 'Who are we?' },
    'wat-is-belangrijk': { nl: 'Wat is belangrijk voor ons?', en: 'What matters to us?' },
    'wat-gaat-goed': { nl: 'Wat gaat goed?', en: 'What goes well?' },
    zorgen: { nl: 'Waar maken we ons zorgen over?', en: 'What do we worry about?' },
    wensen: { nl: 'Wat wensen we?', en: 'What do we wish for?' },
  },
  familyLinks: {
    'ouder-kind': { nl: 'Ouder en kind', en: 'Parent and child' },
    partner: { nl: 'Partners', en: 'Partners' },
    'ex-partner': { nl: 'Ex-partners', en: 'Former partners' },
  },
  familyMarks: {
    deceased: { nl: 'Overleden', en: 'Passed away' },
    outOfContact: { nl: 'Nu geen contact', en: 'Not in touch now' },
  },
  generations: {
    '-3': { nl: 'Overgrootouders', en: 'Great-grandparents' },
    '-2': { nl: 'Grootouders', en: 'Grandparents' },
    '-1': { nl: 'Ouders', en: 'Parents' },
    '0': { nl: 'Onze generatie', en: 'Our generation' },
    '1': { nl: 'Kinderen', en: 'Children' },
    '2': { nl: 'Kleinkinderen', en: 'Grandchildren' },
    '3': { nl: 'Achterkleinkinderen', en: 'Great-grandchildren' },
  },
  strengths: {
    'gaf-kracht': { nl: 'Gaf ons kracht', en: 'Gave us strength' },
    'kostte-kracht': { nl: 'Kostte ons kracht', en: 'Cost us strength' },
    allebei: { nl: 'Allebei', en: 'Both' },
  },
  datePrecisions: {
    dag: { nl: 'Op een dag', en: 'On a day' },
    maand: { nl: 'In een maand', en: 'In a month' },
    jaar: { nl: 'In een jaar', en: 'In a year' },
    ongeveer: { nl: 'Ongeveer', en: 'Roughly' },
  },
  whenPersonRemoved: {
    weghalen: { nl: 'Ook overal weghalen', en: 'Remove them everywhere too' },
    'laten-staan': { nl: 'Laten staan als iemand die niet meer op de lijst staat', en: 'Keep them as someone who is no longer on the list' },
  },
  references: {
    'familiekaart.member': { nl: 'In de familiekaart', en: 'In the family map' },
    'familiekaart.link': { nl: 'Een lijn in de familiekaart', en: 'A line in the family map' },
    'relatiekaart.placement': { nl: 'Op de relatiekaart', en: 'On the relationship map' },
    'contactschema.slot': { nl: 'Een moment in het contactschema', en: 'A time in the contact schedule' },
    'contactschema.frequency': { nl: 'Hoe vaak er contact is', en: 'How often there is contact' },
    'gebeurteniskaart.event': { nl: 'Bij een gebeurtenis', en: 'In an event' },
  },
  formerPerson: { nl: 'iemand die niet meer op de lijst staat', en: 'someone who is no longer on the list' },
}
