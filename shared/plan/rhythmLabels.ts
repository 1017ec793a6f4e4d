import type { Consent } from './basisteam.ts'
import type { BasisteamTask, EvaluationQuestion } from './evaluatiemomenten.ts'
import type { MethodStep } from './meeting/agenda.ts'
import type { RoutePhase } from './route.ts'
import type { Wording } from './partnerschapskaart-prompts.ts'
import type { QuestionNoteKind } from './vragen.ts'

/**
 * The words for the plan's rhythm (issue 13) where the plan is read as a
 * whole: on paper (client/document/) and in the export's Markdown, which the
 * operator's command line writes without the app's catalogs. Like
 * ATLAS_LABELS, they live beside the schema in both languages. The route
 * and basisteam sections say the same words in their own catalogs;
 * client/document/rhythmLabels.test.ts keeps the two in step.
 */
export const RHYTHM_LABELS = {
  phases: {
    ontmoeten: { nl: 'Ontmoeten', en: 'Meeting' },
    netwerkatlas: { nl: 'Netwerkatlas', en: 'Network atlas' },
    meedenkbijeenkomst: { nl: 'Meedenkbijeenkomst', en: 'Thinking-along meeting' },
    basisteam: { nl: 'Basisteam', en: 'Core team' },
  } satisfies Record<RoutePhase, Wording>,
  evaluationQuestions: {
    vraag: { nl: 'Is onze vraag beantwoord?', en: 'Did our question get an answer?' },
    goed: { nl: 'Wat ging goed?', en: 'What went well?' },
    anders: { nl: 'Wat doen we anders?', en: 'What do we do differently?' },
    geleerd: { nl: 'Wat hebben we geleerd?', en: 'What did we learn?' },
    gezien: { nl: 'Voelde je je gezien, gehoord, gewaardeerd en gesteund?', en: 'Did you feel seen, heard, valued and supported?' },
  } satisfies Record<EvaluationQuestion, Wording>,
  tasks: {
    plan: { nl: 'Het plan aanpassen', en: 'Changing the plan' },
    samenwerking: { nl: 'Beter samenwerken', en: 'Working together better' },
  } satisfies Record<BasisteamTask, Wording>,
  noteKinds: {
    informatie: { nl: 'Informatie', en: 'Information' },
    antwoord: { nl: 'Antwoord', en: 'Answer' },
  } satisfies Record<QuestionNoteKind, Wording>,
  /** The steps of a meedenkbijeenkomst as 004 names them. */
  meetingSteps: {
    opening: { nl: 'Opening en welkom', en: 'Opening and welcome' },
    voorstellen: { nl: 'Voorstellen en verwachtingen', en: 'Introductions and expectations' },
    vragen: { nl: 'Vragen voor het plan', en: 'Questions for the plan' },
    informatie: { nl: 'Informatieronde', en: 'Information round' },
    privetijd: { nl: 'Privétijd', en: 'Private time' },
    presentatie: { nl: 'Presentatie van het plan', en: 'Presenting the plan' },
    basisteam: { nl: 'Samenstellen basisteam', en: 'Forming the core team' },
  } satisfies Record<MethodStep, Wording>,
  consent: {
    asked: { nl: 'gevraagd', en: 'asked' },
    yes: { nl: 'doet mee', en: 'takes part' },
    no: { nl: 'liever niet', en: 'rather not' },
  } satisfies Record<Consent, Wording>,
} as const
