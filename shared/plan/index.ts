// Loading the plan API loads every instrument (core.ts has only the first screens' part).
import './instruments.ts'

export * from './core.ts'
export { Waarden, VALUE_SCOPES, type Value, type ValueScope, type StoredValue, type NewValue } from './waarden.ts'
export { Geslaagd, type GeslaagdEntry } from './geslaagd.ts'
export { Partnerschapskaart, type CardItem, type OwnQuestion, type StoredCardItem, type StoredOwnQuestion, type ResolvedQuestion, type CardSnapshot } from './partnerschapskaart.ts'
export { StepAgreement, type StepAgreements, type OpenEarlierStep } from './partnerschapskaart-akkoord.ts'
export { CardVersions, type CardVersion, type StoredCardVersion, type CardVersionContent } from './partnerschapskaart-versies.ts'
export {
  PARTNERSCHAPSKAART, CARD_STEPS, SUCCESVOORWAARDEN_STEPS, CARD_WORDING, PARTNERSCHAPSKAART_CREDIT, stepPrompt, printedQuestion,
  type CardStep, type CardStepPrompt, type CardQuestion, type CardAspect, type Wording,
} from './partnerschapskaart-prompts.ts'
export { Spelregels, type Spelregel, type SpelregelWording, type StoredSpelregel } from './spelregels.ts'
export { Rollen, type Rol, type StoredRol } from './rollen.ts'
export {
  Basisteam, ACTION_STATUSES, CONSENTS, HELP_SOURCES, actionIdForCardItem, consentOf, onDate, recurring,
  type Action, type ActionStatus, type Consent, type Helper, type HelpSource, type When, type StoredAction, type NewAction,
} from './basisteam.ts'
export { LuktHet, type Evaluation, type StoredEvaluation } from './lukt-het.ts'
export { LEEFGEBIEDEN, LEEFGEBIED_KEYS, isLeefgebied, type Leefgebied, type LeefgebiedLabel } from './leefgebieden.ts'
export { KeyedRecords, members, type Keyed, type KeyedMeta, type KeyedSpec } from './keyedRecords.ts'
export * from './netwerkatlas/index.ts'
export * from './versions/index.ts'
export { AanTafel, mayWithdrawAtTable, type AtTable, type AtTableAct, type AtTableWord, type AtTableSource } from './aanTafel.ts'
export { Team, type TeamMember, type Aanspreekpunt } from './team.ts'
export * from './meeting/index.ts'
export { RHYTHM_LABELS } from './rhythmLabels.ts'
export { PersonMarks, PERSON_MARKS, PERSON_MARK_KINDS, MARK_PLACES, marksAcross, type PersonMark, type PersonMarkKind, type MarkPlace, type SeenMark } from './personMarks.ts'
