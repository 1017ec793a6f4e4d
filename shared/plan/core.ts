/**
 * The plan API a first screen needs: the plan itself with the instruments it
 * builds at once (plan.ts), and the helpers around them. Importing this, not
 * index.ts, keeps the other instruments' code out of a first visit; where
 * those are used, import index.ts, which also loads them (instruments.ts).
 */
export { Plan, type NewPlan, type Instruments } from './plan.ts'
export { RecordList, type RecordMeta, type RecordSpec, type RecordStore, type Stored, type Removal, type FieldValue } from './records.ts'
export { type Person } from './people.ts'
export { type PlanMeta, type Language, LANGUAGES } from './meta.ts'
export { SCHEMA_VERSION, schemaVersionOf, migrate, type Migration, type MigrationResult } from './migrations.ts'
export { newId, type PersonId } from './ids.ts'
export {
  Evaluatiemomenten, Bijstellingen, EVALUATION_QUESTIONS, BASISTEAM_TASKS, INVITATION_DAYS,
  type Evaluatiemoment, type StoredEvaluatiemoment, type EvaluationAnswer, type EvaluationQuestion, type Bijstelling, type StoredBijstelling, type BasisteamTask,
} from './evaluatiemomenten.ts'
export { Route, ROUTE_PHASES, CORE_VALUES, nextPhase, type RoutePhase, type RouteChoice, type CoreValue } from './route.ts'
export { Waakvlam, SUPPORT_LEVELS, type SupportLevel, type SupportChoice, type SupportState } from './waakvlam.ts'
export { isDay, today, addDays, dayOf } from './days.ts'
export { PersonReferences, WHEN_PERSON_REMOVED, type PersonReference, type PersonReferenceSource, type ReferencedPerson, type WhenPersonRemoved } from './personReferences.ts'
export { Invitations, invitationStatus, type Invitation, type InvitationStatus, type IssuedInvitation } from './invitations.ts'
export { shareRecord, readSharingNotes, SHARED_TO, type SharingNotes, type SharedFrom, type SharedTo, type ShareableKind, type RoomSide } from './sharing.ts'
export { NOTES, noteSpec, type Note } from './notes.ts'
export { type Actor, mayEraseForEveryone, mayRemovePeople } from './actor.ts'
export { PersonDevices, type Claim, type ClaimRefusal } from './personDevices.ts'
export { TextAuthors, type AuthoredRun, type AuthoredText } from './authors.ts'
export { Changes, fromY, type Source } from './changes.ts'
export { SharedText, type TextAnchor } from './sharedText.ts'
export { OnzeVragen, QUESTION_NOTES, QUESTION_NOTE_KINDS, type Question, type QuestionGroup, type QuestionNote, type QuestionNoteKind, type QuestionsInGroup } from './vragen.ts'
