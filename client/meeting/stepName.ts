import type { TFunction } from 'i18next'
import type { MeetingStep } from '../../shared/plan/index.ts'

/** A step's name as everyone reads it: the method's name from the catalog, or the gespreksleider's own title. */
export function stepName(t: TFunction, step: Pick<MeetingStep, 'kind' | 'title'>): string {
  if (step.kind === 'eigen') return step.title.trim() || t('meeting:steps.eigen.name')
  return t(`meeting:steps.${step.kind}.name`)
}

/** The one plain sentence that says what a step is for. */
export function stepLine(t: TFunction, step: Pick<MeetingStep, 'kind'>): string {
  return t(`meeting:steps.${step.kind}.line`)
}
