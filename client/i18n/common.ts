import { defineCatalog } from './catalog.ts'

/** Strings used all over the app: the sync status, presence, roles, the language switch. */
export default defineCatalog({
  nl: {
    appName: 'Kring',
    skipToContent: 'Naar de inhoud',
    loading: 'Even geduld…',
    language: {
      label: 'Taal',
      nl: 'Nederlands',
      en: 'English',
    },
    sync: {
      label: 'Status',
      local: 'Opgeslagen op dit apparaat',
      shared: 'Verbonden — alles gedeeld',
      offline: 'Offline — je wijzigingen worden gedeeld zodra er verbinding is',
    },
    presence: {
      title: 'Nu in dit plan',
      you: '{{name}} (jij)',
      someone: 'Iemand zonder naam',
    },
    roles: {
      eigenaar: 'Huishouden (beheert het plan)',
      huishouden: 'Huishouden',
      netwerk: 'Netwerk',
      professional: 'Professional',
      meelezer: 'Meelezer',
      none: 'Gebruikt Kring zelf niet',
    },
    actions: {
      save: 'Opslaan',
      cancel: 'Annuleren',
      back: 'Terug',
    },
  },
  en: {
    appName: 'Kring',
    skipToContent: 'Skip to content',
    loading: 'One moment…',
    language: {
      label: 'Language',
      nl: 'Nederlands',
      en: 'English',
    },
    sync: {
      label: 'Status',
      local: 'Saved on this device',
      shared: 'Connected — everything shared',
      offline: 'Offline — your changes will be shared once you are connected',
    },
    presence: {
      title: 'Here now',
      you: '{{name}} (you)',
      someone: 'Someone without a name',
    },
    roles: {
      eigenaar: 'Household (manages the plan)',
      huishouden: 'Household',
      netwerk: 'Network',
      professional: 'Professional',
      meelezer: 'Reader',
      none: 'Does not use Kring themselves',
    },
    actions: {
      save: 'Save',
      cancel: 'Cancel',
      back: 'Back',
    },
  },
})
