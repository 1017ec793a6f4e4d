import { defineCatalog } from '../i18n/catalog.ts'

/** The start page: plans on this device and starting a new plan. */
export default defineCatalog({
  nl: {
    intro: 'Eén plan voor jouw huishouden. Je schrijft het samen met de mensen om je heen. Het werkt ook zonder internet.',
    plans: {
      title: 'Jouw plannen op dit apparaat',
      empty: 'Er staan nog geen plannen op dit apparaat.',
      unnamed: 'Plan zonder naam',
      lastOpened: 'Laatst geopend: {{date}}',
    },
    importPlan: {
      title: 'Een plan openen uit een bestand',
      intro: 'Heb je een plan bewaard als bestand (uit Kring)? Open het hier als een nieuw plan op dit apparaat. Jij beheert het dan.',
      file: 'Kies het bestand',
      busy: 'Plan wordt geopend…',
      errors: {
        'not-an-export': 'Dit bestand is geen plan uit Kring. Kies het bestand dat eindigt op .json.',
        'newer-version': 'Dit bestand komt uit een nieuwere Kring. Open het in die Kring, of vraag om een nieuwere versie van deze app.',
        damaged: 'Dit bestand is beschadigd. Bewaar het plan nog een keer als bestand en probeer het opnieuw.',
        'no-plan': 'In dit bestand staat geen plan.',
        unreadable: 'Kring kan dit bestand niet lezen.',
      },
    },
    newPlan: {
      title: 'Nieuw plan',
      intro: 'Je maakt het plan op dit apparaat. Daarna kun je anderen uitnodigen.',
      householdName: 'Naam van het huishouden',
      householdNameHint: 'Bijvoorbeeld: Familie Jansen',
      householdNameMissing: 'Vul de naam van het huishouden in.',
      myName: 'Jouw naam',
      myNameHint: 'Zo zien anderen wie iets schreef.',
      myNameMissing: 'Vul je naam in.',
      submit: 'Plan maken',
      busy: 'Plan wordt gemaakt…',
      failed: 'Het plan maken is niet gelukt. Probeer het nog een keer.',
    },
  },
  en: {
    intro: 'One plan for your household. You write it together with the people around you. It also works without internet.',
    plans: {
      title: 'Your plans on this device',
      empty: 'There are no plans on this device yet.',
      unnamed: 'Plan without a name',
      lastOpened: 'Last opened: {{date}}',
    },
    importPlan: {
      title: 'Open a plan from a file',
      intro: 'Did you keep a plan as a file (from Kring)? Open it here as a new plan on this device. You then manage it.',
      file: 'Choose the file',
      busy: 'Opening the plan…',
      errors: {
        'not-an-export': 'This file is not a plan from Kring. Choose the file that ends in .json.',
        'newer-version': 'This file comes from a newer Kring. Open it there, or ask for a newer version of this app.',
        damaged: 'This file is damaged. Keep the plan as a file once more and try again.',
        'no-plan': 'There is no plan in this file.',
        unreadable: 'Kring cannot read this file.',
      },
    },
    newPlan: {
      title: 'New plan',
      intro: 'You make the plan on this device. Then you can invite others.',
      householdName: 'Name of the household',
      householdNameHint: 'For example: the Jansen family',
      householdNameMissing: 'Please fill in the name of the household.',
      myName: 'Your name',
      myNameHint: 'This is how others see who wrote something.',
      myNameMissing: 'Please fill in your name.',
      submit: 'Make the plan',
      busy: 'Making the plan…',
      failed: 'The plan could not be made. Please try again.',
    },
  },
})
