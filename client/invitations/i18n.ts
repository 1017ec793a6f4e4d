import { defineCatalog } from '../i18n/catalog.ts'

/** Inviting someone to a plan, and opening an invitation link. */
export default defineCatalog({
  nl: {
    panel: {
      title: 'Iemand uitnodigen',
      intro: 'Maak een link en stuur die naar één persoon. Met de link kan die persoon het plan openen en meeschrijven.',
      role: 'Hoe doet deze persoon mee?',
      roles: {
        netwerk: 'Netwerk: familie, vrienden, buren',
        professional: 'Professional, bijvoorbeeld van het wijkteam',
        meelezer: 'Meelezer: kan lezen, niet schrijven',
      },
      name: 'Voor wie is de link? (mag leeg blijven)',
      create: 'Link maken',
      link: 'Uitnodigingslink',
      copy: 'Kopieer de link',
      copied: 'De link is gekopieerd.',
      copyFailed: 'Kopiëren lukte niet. Selecteer de link en kopieer hem zelf.',
      warning: 'Stuur de link alleen naar deze persoon. Wie de link heeft, kan het plan openen.',
      failed: 'De link kon niet worden gemaakt. Probeer het nog een keer.',
    },
    open: {
      invalidTitle: 'Deze link werkt niet',
      invalid: 'Dit is geen geldige uitnodiging. Vraag het huishouden om een nieuwe link.',
      toStart: 'Naar de startpagina',
    },
    refused: {
      title: 'Je kunt dit plan niet openen',
      text: 'Je uitnodiging werkt niet (meer). Misschien is ze verlopen of ingetrokken. Vraag het huishouden om een nieuwe link.',
    },
  },
  en: {
    panel: {
      title: 'Invite someone',
      intro: 'Make a link and send it to one person. With the link they can open the plan and write in it.',
      role: 'How does this person take part?',
      roles: {
        netwerk: 'Network: family, friends, neighbours',
        professional: 'Professional, for example from the neighbourhood team',
        meelezer: 'Reader: can read, not write',
      },
      name: 'Who is the link for? (may stay empty)',
      create: 'Make link',
      link: 'Invitation link',
      copy: 'Copy the link',
      copied: 'The link has been copied.',
      copyFailed: 'Copying did not work. Select the link and copy it yourself.',
      warning: 'Only send the link to this person. Anyone with the link can open the plan.',
      failed: 'The link could not be made. Please try again.',
    },
    open: {
      invalidTitle: 'This link does not work',
      invalid: 'This is not a valid invitation. Ask the household for a new link.',
      toStart: 'To the start page',
    },
    refused: {
      title: 'You cannot open this plan',
      text: 'Your invitation does not work (anymore). It may have expired or been withdrawn. Ask the household for a new link.',
    },
  },
})
