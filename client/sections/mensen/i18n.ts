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
    removeDialog: {
      title: '{{name}} van de lijst halen?',
      intro: '{{name}} staat nog op andere plekken in het plan:',
      question: 'Wat moet er met die plekken gebeuren?',
      restoreHint: 'Je kunt iemand later terugzetten bij "Verwijderd".',
      places: {
        basisteam: 'Bij een afspraak in het basisteam',
        rollen: 'Bij een rol of taak',
        geslaagd: 'Bij "Ik vind het geslaagd als …"',
        elsewhere: 'Ergens anders in het plan',
      },
    },
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
    removeDialog: {
      title: 'Take {{name}} off the list?',
      intro: '{{name}} still appears in other places in the plan:',
      question: 'What should happen with those places?',
      restoreHint: 'You can put someone back later under "Removed".',
      places: {
        basisteam: 'In an agreement of the basisteam',
        rollen: 'In a role or task',
        geslaagd: 'In "I think it is a success when …"',
        elsewhere: 'Somewhere else in the plan',
      },
    },
    removed: {
      title: 'Removed',
      by: 'Removed by {{name}}',
      restore: 'Restore',
      restoreLabel: 'Restore {{name}}',
    },
    unknownPerson: 'someone',
  },
})
