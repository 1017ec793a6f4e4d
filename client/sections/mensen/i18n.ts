import { defineCatalog } from '../../i18n/catalog.ts'

/** "Mensen": the people list of the plan. */
export default defineCatalog({
  nl: {
    title: 'Mensen',
    intro: 'Wie horen bij het huishouden, en wie staan er omheen? Ook mensen die Kring zelf niet gebruiken, kunnen op de lijst.',
    empty: 'Er staat nog niemand op de lijst.',
    you: 'jij',
    noRelation: 'Nog niet ingevuld',
    form: {
      name: 'Naam',
      nameMissing: 'Vul een naam in.',
      relation: 'Wat is deze persoon van het huishouden?',
      relationHint: 'Bijvoorbeeld: oma, buurvrouw, wijkcoach',
      role: 'Doet mee in Kring als',
    },
    add: {
      title: 'Iemand toevoegen',
      submit: 'Toevoegen',
    },
    edit: 'Wijzigen',
    editLabel: '{{name}} wijzigen',
    editTitle: '{{name}} wijzigen',
    remove: 'Verwijderen',
    removeLabel: '{{name}} verwijderen',
    removed: {
      title: 'Verwijderd',
      by: 'Verwijderd door {{name}}',
      restore: 'Terugzetten',
      restoreLabel: '{{name}} terugzetten',
    },
    unknownPerson: 'iemand',
  },
  en: {
    title: 'People',
    intro: 'Who belongs to the household, and who is around it? People who do not use Kring themselves can be on the list too.',
    empty: 'Nobody is on the list yet.',
    you: 'you',
    noRelation: 'Not filled in yet',
    form: {
      name: 'Name',
      nameMissing: 'Please fill in a name.',
      relation: 'How is this person related to the household?',
      relationHint: 'For example: grandmother, neighbour, social worker',
      role: 'Takes part in Kring as',
    },
    add: {
      title: 'Add someone',
      submit: 'Add',
    },
    edit: 'Edit',
    editLabel: 'Edit {{name}}',
    editTitle: 'Edit {{name}}',
    remove: 'Remove',
    removeLabel: 'Remove {{name}}',
    removed: {
      title: 'Removed',
      by: 'Removed by {{name}}',
      restore: 'Restore',
      restoreLabel: 'Restore {{name}}',
    },
    unknownPerson: 'someone',
  },
})
