export { Plan, type NewPlan } from './plan.ts'
export { RecordList, type RecordMeta, type RecordSpec, type RecordStore, type Stored, type Removal, type FieldValue } from './records.ts'
export { type Person } from './people.ts'
export { type PlanMeta, type Language, LANGUAGES } from './meta.ts'
export { SCHEMA_VERSION, schemaVersionOf, migrate, type Migration, type MigrationResult } from './migrations.ts'
export { newId, type PersonId } from './ids.ts'
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
export {
  Evaluatiemomenten, Bijstellingen, EVALUATION_QUESTIONS, BASISTEAM_TASKS, INVITATION_DAYS,
  type Evaluatiemoment, type StoredEvaluatiemoment, type EvaluationAnswer, type EvaluationQuestion, type Bijstelling, type StoredBijstelling, type BasisteamTask,
} from './evaluatiemomenten.ts'
export { Route, ROUTE_PHASES, CORE_VALUES, nextPhase, type RoutePhase, type RouteChoice, type CoreValue } from './route.ts'
export { Waakvlam, SUPPORT_LEVELS, type SupportLevel, type SupportChoice, type SupportState } from './waakvlam.ts'
export { isDay, today, addDays, dayOf } from './days.ts'
export { LuktHet, type Evaluation, type StoredEvaluation } from './lukt-het.ts'
export { LEEFGEBIEDEN, LEEFGEBIED_KEYS, isLeefgebied, type Leefgebied, type LeefgebiedLabel } from './leefgebieden.ts'
export { PersonReferences, WHEN_PERSON_REMOVED, type PersonReference, type PersonReferenceSource, type ReferencedPerson, type WhenPersonRemoved } from './personReferences.ts'
export { KeyedRecords, members, type Keyed, type KeyedMeta, type KeyedSpec } from './keyedRecords.ts'
export * from './netwerkatlas/index.ts'
export { Invitations, invitationStatus, type Invitation, type InvitationStatus, type IssuedInvitation } from './invitations.ts'
export { shareRecord, readSharingNotes, SHARED_TO, type SharingNotes, type SharedFrom, type SharedTo, type ShareableKind, type RoomSide } from './sharing.ts'
export { NOTES, noteSpec, type Note } from './notes.ts'
export { type Actor, mayEraseForEveryone, mayRemovePeople } from './actor.ts'
export { PersonDevices, type Claim, type ClaimRefusal } from './personDevices.ts'
export { PersonMarks, PERSON_MARKS, PERSON_MARK_KINDS, MARK_PLACES, marksAcross, type PersonMark, type PersonMarkKind, type MarkPlace, type SeenMark } from './personMarks.ts'
export * from './versions/index.ts'
export { TextAuthors, type AuthoredRun, type AuthoredText } from './authors.ts'
export { Changes, fromY, type Source } from './changes.ts'
export { SharedText, type TextAnchor } from './sharedText.ts'
export { AanTafel, mayWithdrawAtTable, type AtTable, type AtTableAct, type AtTableWord, type AtTableSource } from './aanTafel.ts'
export { Team, type TeamMember, type Aanspreekpunt } from './team.ts'
export { OnzeVragen, QUESTION_NOTES, QUESTION_NOTE_KINDS, type Question, type QuestionGroup, type QuestionNote, type QuestionNoteKind, type QuestionsInGroup } from './vragen.ts'
export * from './meeting/index.ts'
export { RHYTHM_LABELS } from './rhythmLabels.ts'
