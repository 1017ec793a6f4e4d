import type { CardVersionContent } from '../partnerschapskaart-versies.ts'
import type { VersionContent } from './content.ts'
import type { ContainerItems } from './items.ts'
import { dict, type Json, type RecordItem } from './snapshot.ts'

/**
 * A card version saved by the previous release ("versie ingevuld door",
 * partnerschapskaart-versies.ts) read as a version of the plan that covers
 * the waarden and the partnerschapskaart: it shows, compares and restores
 * with the rest, without rewriting what that release stored (which its
 * devices may still be reading).
 */
export function fromCardVersion(card: CardVersionContent): VersionContent {
  const values: ContainerItems = dict()
  for (const value of card.values) {
    values[value.id] = record(
      { text: value.text, notes: value.notes, scope: value.scope, proposedBy: value.proposedBy, adoptedFromPerson: value.adoptedFromPerson },
      { endorsedBy: value.endorsedBy, leefgebieden: Object.fromEntries(value.leefgebieden.map((tag) => [tag, 0])) },
    )
  }
  const geslaagd: ContainerItems = dict()
  for (const entry of card.geslaagd) geslaagd[entry.person] = { subject: entry.subject, condition: entry.condition, writtenBy: entry.writtenBy, at: entry.at }
  const items: ContainerItems = dict()
  for (const item of card.items) items[item.id] = record({ step: item.step, question: item.question, text: item.text, notes: item.notes, createdBy: item.createdBy, draft: false })
  const questions: ContainerItems = dict()
  for (const question of card.questions) questions[question.id] = record({ step: question.step, text: question.text, under: question.under })
  const agreement: ContainerItems = dict()
  for (const [step, people] of Object.entries(card.agreement)) for (const [person, at] of Object.entries(people)) agreement[`${step}:${person}`] = at
  return {
    containers: {
      waarden: values,
      geslaagd,
      'partnerschapskaart-items': items,
      'partnerschapskaart-vragen': questions,
      'partnerschapskaart-akkoord': agreement,
    },
    sections: ['waarden', 'partnerschapskaart'],
    partial: true,
  }
}

function record(v: Record<string, Json>, m: Record<string, Record<string, Json>> = {}): RecordItem {
  return { v, m, t: dict() }
}
