/**
 * The printed wording of the Partnerschapskaart ("Invulkaart Partnerschap
 * v2.0", in ../shared/seeds/001, around line 1790), used as prompts: the card
 * starts empty, an open agenda, and these questions invite the dialogue.
 *
 * The Dutch is the card's own wording and must not be rephrased. Two printed
 * slips are mended as the domain notes and issue 3 write them: the card prints
 * "Hoe beslissen we samen ?" (space before the mark) and "Wat ga we doen?".
 * The English is ours. Step and question ids are stored in plans (card items
 * point at them) and never change.
 *
 * Credit: the card is by HAN Sociaal, EMGO+, CSO and Zorgbelang; see
 * PARTNERSCHAPSKAART_CREDIT.
 */

/** The five steps, in the order the dialogue takes them (the printed card runs right to left: waarden on the right). */
export type CardStep = 'waarden' | 'relaties' | 'handelen' | 'condities' | 'acties'
export const CARD_STEPS: readonly CardStep[] = ['waarden', 'relaties', 'handelen', 'condities', 'acties']

/** Relaties + handelen + condities: together the "succesvoorwaarden samenwerking". */
export const SUCCESVOORWAARDEN_STEPS: readonly CardStep[] = ['relaties', 'handelen', 'condities']

export interface Wording {
  nl: string
  en: string
}

/** A sub-question printed under a guiding question ("aan veiligheid?"). */
export interface CardAspect extends Wording {
  id: string
}

export interface CardQuestion extends Wording {
  id: string
  /** Printed sub-questions; the card leaves an open bullet after them for the group's own. */
  aspects: readonly CardAspect[]
  /** False for a question Kring adds that the card does not print (see `source`). */
  printed: boolean
  /** Where an unprinted question comes from. */
  source?: string
}

export interface CardStepPrompt {
  step: CardStep
  /** "STAP 1" … "STAP 5" in dialogue order. */
  number: 1 | 2 | 3 | 4 | 5
  /** The column heading as printed (capitals on the card). */
  title: Wording
  /** What the step is about in the card's procedure: het waarom, het hoe, het wat. */
  about: Wording
  questions: readonly CardQuestion[]
  /** The card's open "Hoe ... ?" slots: the group may add its own questions here. */
  ownQuestion: Wording | null
}

const q = (id: string, nl: string, en: string, aspects: readonly CardAspect[] = []): CardQuestion => ({ id, nl, en, aspects, printed: true })
const a = (id: string, nl: string, en: string): CardAspect => ({ id, nl, en })

export const PARTNERSCHAPSKAART: readonly CardStepPrompt[] = [
  {
    step: 'waarden',
    number: 1,
    title: { nl: 'Waarden', en: 'Values' },
    about: { nl: 'het waarom', en: 'the why' },
    questions: [
      { id: 'waarden.voor-mij', nl: 'Wat is voor mij belangrijk?', en: 'What matters to me?', aspects: [], printed: false, source: 'Kwaliteitsstatuut wijkteams (000)' },
      { id: 'waarden.voor-ons', nl: 'Wat is voor ons belangrijk?', en: 'What matters to us?', aspects: [], printed: false, source: 'Kwaliteitsstatuut wijkteams (000)' },
      q('waarden.geslaagd', 'Ik vind … geslaagd als …', 'I will call … a success when …'),
    ],
    ownQuestion: null,
  },
  {
    step: 'relaties',
    number: 2,
    title: { nl: 'Relaties', en: 'Relationships' },
    about: { nl: 'het hoe', en: 'the how' },
    questions: [
      q('relaties.communiceren', 'Hoe communiceren we?', 'How do we communicate?'),
      q('relaties.zeggenschap', 'Hoe gaan we zeggenschap delen?', 'How will we share a say?'),
      q('relaties.iedereen', 'Hoe betrekken we iedereen?', 'How do we involve everyone?'),
      q('relaties.eigen-kracht', 'Hoe blijft ieder in eigen kracht?', 'How does everyone keep their own strength?'),
      q('relaties.beslissen', 'Hoe beslissen we samen?', 'How do we decide together?'),
    ],
    ownQuestion: { nl: 'Hoe … ?', en: 'How … ?' },
  },
  {
    step: 'handelen',
    number: 3,
    title: { nl: 'Handelen', en: 'Conduct' },
    about: { nl: 'het hoe', en: 'the how' },
    questions: [
      q('handelen.mensen', 'Wat vragen we van mensen?', 'What do we ask of people?', [
        a('handelen.mensen.waarden', 'aan waarden?', 'in values?'),
        a('handelen.mensen.procesvaardigheid', 'aan procesvaardigheid?', 'in skill at working together?'),
        a('handelen.mensen.inhoudscompetentie', 'aan inhoudscompetentie?', 'in knowledge of the subject?'),
        a('handelen.mensen.reflectie', 'aan reflectie/introspectie?', 'in reflection/introspection?'),
      ]),
      q('handelen.kunnen', 'Wat moeten we kunnen? (en vanuit welke rol)', 'What do we need to be able to do? (and in which role)'),
      q('handelen.kennis', 'Wat gaan we kennis delen?', 'What knowledge will we share?'),
    ],
    ownQuestion: { nl: 'Hoe … ?', en: 'How … ?' },
  },
  {
    step: 'condities',
    number: 4,
    title: { nl: 'Condities', en: 'Conditions' },
    about: { nl: 'het hoe', en: 'the how' },
    questions: [
      q('condities.omgeving', 'Wat vragen we van de omgeving?', 'What do we ask of our surroundings?', [
        a('condities.omgeving.veiligheid', 'aan veiligheid?', 'in safety?'),
        a('condities.omgeving.tijd', 'aan tijd?', 'in time?'),
        a('condities.omgeving.ondersteuning', 'aan ondersteuning?', 'in support?'),
        a('condities.omgeving.verbanden', 'aan verbanden?', 'in connections?'),
      ]),
    ],
    ownQuestion: { nl: 'Hoe … ?', en: 'How … ?' },
  },
  {
    step: 'acties',
    number: 5,
    title: { nl: 'Acties', en: 'Actions' },
    about: { nl: 'het wat', en: 'the what' },
    questions: [
      q('acties.ik', 'Wat ga ik doen?', 'What will I do?'),
      q('acties.we', 'Wat gaan we doen?', 'What will we do?'),
      q('acties.anderen', 'Wat vragen we aan anderen om te doen?', 'What do we ask others to do?'),
    ],
    ownQuestion: null,
  },
]

/** Other printed wording of the card. */
export const CARD_WORDING = {
  name: { nl: 'Invulkaart Partnerschap', en: 'Partnership card' },
  succesvoorwaarden: { nl: 'succesvoorwaarden samenwerking', en: 'conditions for a successful collaboration' },
  versieIngevuldDoor: { nl: 'versie ingevuld door', en: 'version filled in by' },
} as const satisfies Record<string, Wording>

export const PARTNERSCHAPSKAART_CREDIT: Wording & { url: string } = {
  nl: 'De Partnerschapskaart (Invulkaart Partnerschap v2.0) is gemaakt door HAN Sociaal, EMGO+, CSO en Zorgbelang, met steun van ZonMw en het Nationaal Programma Ouderenzorg.',
  en: 'The Partnerschapskaart (partnership card, v2.0) was made by HAN Sociaal, EMGO+, CSO and Zorgbelang, supported by ZonMw and the Nationaal Programma Ouderenzorg.',
  url: 'https://www.partnerschapskaart.nl',
}

/** The prompt of one step. */
export function stepPrompt(step: CardStep): CardStepPrompt {
  // CARD_STEPS and PARTNERSCHAPSKAART list the same five steps; the test pins that.
  return PARTNERSCHAPSKAART.find((p) => p.step === step)!
}

/** A printed question or aspect by id, with the step it belongs to; undefined for an id the card does not print (e.g. an own question). */
export function printedQuestion(id: string): { step: CardStep; question: CardQuestion; aspect: CardAspect | null } | undefined {
  for (const prompt of PARTNERSCHAPSKAART) {
    for (const question of prompt.questions) {
      if (question.id === id) return { step: prompt.step, question, aspect: null }
      const aspect = question.aspects.find((x) => x.id === id)
      if (aspect) return { step: prompt.step, question, aspect }
    }
  }
  return undefined
}
