export { Meetings, GUEST_ROLES, type Meeting, type StoredMeeting, type GuestRole, type CurrentStep, type StepTimer, type Privetijd, type Seat } from './meetings.ts'
export { Agenda, METHOD_STEPS, MEETING_STEP_KINDS, MAX_STEP_MINUTES, type MethodStep, type MeetingStepKind, type MeetingStep, type StoredMeetingStep } from './agenda.ts'
export { readMeetingRecord, type MeetingRecord, type NamedPerson } from './record.ts'
