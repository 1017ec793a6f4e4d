import { defineCatalog } from '../i18n/catalog.ts'

/** This device's part in a plan: its role, refusals by the relay, the invitation and key links, a deleted plan. The "Toegang" section has its own (sections/toegang/i18n.ts). */
export default defineCatalog({
  nl: {
    youCan: {
      eigenaar: 'Je kunt alles in het plan lezen en schrijven, ook wat alleen voor het huishouden is.',
      huishouden: 'Je kunt alles in het plan lezen en schrijven, ook wat alleen voor het huishouden is.',
      netwerk: 'Je kunt het plan lezen en meeschrijven, maar niet wat alleen voor het huishouden is.',
      professional: 'Je kunt het plan lezen en meeschrijven, maar niet wat alleen voor het netwerk of het huishouden is.',
      meelezer: 'Je kunt het plan lezen, maar niets veranderen.',
    },
    youAre: 'Je doet mee als {{role}}. {{can}}',
    as: {
      eigenaar: 'lid van het huishouden dat het plan beheert',
      huishouden: 'lid van het huishouden',
      netwerk: 'iemand uit het netwerk',
      professional: 'professional',
      meelezer: 'meelezer',
    },
    readOnly: 'Je bent meelezer: je kunt dit plan lezen, maar niets veranderen.',
    takeOverStart: 'Een plan overnemen',
    takeOverHint: 'Heeft een professional een plan voor jullie gestart?',
    welcome: {
      title: 'Welkom, {{name}}',
      invitedAs: 'Het huishouden heeft je uitgenodigd als {{name}}. Wat je hier schrijft, staat op jouw naam.',
      ok: 'Begrepen',
    },
    importKey: {
      start: 'Een plan mee beheren',
      startHint: 'Heb je een plansleutel gekregen van iemand van je huishouden?',
      title: 'Een plan mee beheren',
      intro: 'Met de plansleutel beheer je het plan mee, net als de rest van het huishouden. Je kunt dan mensen uitnodigen, toegang intrekken en het plan verwijderen.',
      file: 'Kies het sleutelbestand',
      paste: 'Of plak de sleutel',
      read: 'Sleutel lezen',
      notAKey: 'Dit is geen plansleutel van Kring. Kies het bestand of plak de hele tekst.',
      damaged: 'Deze sleutel is beschadigd of hoort niet bij elkaar. Vraag om een nieuwe.',
      found: 'Dit is de sleutel van het plan van {{name}}.',
      foundUnknown: 'Dit is de sleutel van een plan dat nog niet op dit apparaat staat. Het plan wordt opgehaald zodra je verbinding hebt.',
      keep: 'Sleutel bewaren en het plan openen',
      failed: 'De sleutel bewaren is niet gelukt. Probeer het nog een keer.',
    },
    deleted: {
      title: 'Het plan is verwijderd',
      local: 'Het plan is van dit apparaat verwijderd.',
      working: 'Bezig met verwijderen…',
      confirmed: 'Het plan is ook online verwijderd. Niemand kan het nog openen.',
      waiting: 'Het plan wordt ook online verwijderd zodra er verbinding is. Laat Kring daarvoor nog even open, of open het later nog een keer.',
      refused: 'Online verwijderen is niet gelukt. Probeer het later nog een keer, of vraag hulp.',
      toStart: 'Naar de startpagina',
    },
    open: {
      invalidTitle: 'Deze link werkt niet',
      invalid: 'Dit is geen geldige uitnodiging. Vraag het huishouden om een nieuwe link.',
      toStart: 'Naar de startpagina',
    },
    refused: {
      status: 'Niet verbonden — je kunt het plan hier alleen nog lezen',
      localCopy: 'Wat op dit apparaat staat, kun je nog lezen. Wat je niet eerder gedeeld hebt, staat alleen hier.',
      forget: 'Ook van dit apparaat verwijderen',
      revoked: {
        title: 'Je toegang is ingetrokken',
        text: 'Het huishouden heeft je toegang tot dit plan ingetrokken. Je kunt niets meer veranderen en je ziet geen nieuwe dingen meer.',
      },
      expired: {
        title: 'Je uitnodiging is verlopen',
        text: 'Vraag het huishouden om een nieuwe link als je weer mee wilt doen.',
      },
      deleted: {
        title: 'Dit plan is verwijderd',
        text: 'Het huishouden heeft dit plan verwijderd. Niemand kan het nog bijwerken.',
      },
      notForThisRoom: {
        title: 'Je uitnodiging geeft hier geen toegang',
        text: 'Vraag het huishouden om een nieuwe link als je hier mee wilt doen.',
      },
      invalid: {
        title: 'Je uitnodiging werkt niet',
        text: 'Vraag het huishouden om een nieuwe link.',
      },
      clockAhead: {
        title: 'De klok loopt voor',
        text: 'Deze uitnodiging is gemaakt op een apparaat waarvan de klok voorloopt. Zet de datum en tijd goed en open het plan opnieuw. Of vraag het huishouden om een nieuwe link.',
      },
      notAdmitted: {
        title: 'Je plan kan nog niet online',
        text: 'Hier heb je een toelatingscode nodig om een nieuw plan te delen. Vraag die aan je wijkteam. Je plan blijft op dit apparaat staan.',
      },
    },
  },
  en: {
    youCan: {
      eigenaar: 'You can read and write everything in the plan, including what is only for the household.',
      huishouden: 'You can read and write everything in the plan, including what is only for the household.',
      netwerk: 'You can read the plan and write in it, but not what is only for the household.',
      professional: 'You can read the plan and write in it, but not what is only for the network or the household.',
      meelezer: 'You can read the plan, but not change anything.',
    },
    youAre: 'You take part as {{role}}. {{can}}',
    as: {
      eigenaar: 'a member of the household who manages the plan',
      huishouden: 'a member of the household',
      netwerk: 'someone from the network',
      professional: 'a professional',
      meelezer: 'a reader',
    },
    readOnly: 'You are a reader: you can read this plan, but not change anything.',
    takeOverStart: 'Take over a plan',
    takeOverHint: 'Did a professional start a plan for you?',
    welcome: {
      title: 'Welcome, {{name}}',
      invitedAs: 'The household invited you as {{name}}. What you write here carries your name.',
      ok: 'Got it',
    },
    importKey: {
      start: 'Manage a plan too',
      startHint: 'Did someone in your household give you a plan key?',
      title: 'Manage a plan too',
      intro: 'With the plan key you manage the plan too, just like the rest of the household. You can then invite people, take access back and delete the plan.',
      file: 'Choose the key file',
      paste: 'Or paste the key',
      read: 'Read the key',
      notAKey: 'This is not a Kring plan key. Choose the file or paste the whole text.',
      damaged: 'This key is damaged or its parts do not belong together. Ask for a new one.',
      found: 'This is the key to the plan of {{name}}.',
      foundUnknown: 'This is the key to a plan that is not on this device yet. The plan will be fetched once you are connected.',
      keep: 'Keep the key and open the plan',
      failed: 'The key could not be kept. Please try again.',
    },
    deleted: {
      title: 'The plan has been deleted',
      local: 'The plan has been deleted from this device.',
      working: 'Deleting…',
      confirmed: 'The plan has been deleted online too. Nobody can open it any more.',
      waiting: 'The plan will be deleted online too once there is a connection. Keep Kring open a little longer, or open it again later.',
      refused: 'Deleting it online did not work. Try again later, or ask for help.',
      toStart: 'To the start page',
    },
    open: {
      invalidTitle: 'This link does not work',
      invalid: 'This is not a valid invitation. Ask the household for a new link.',
      toStart: 'To the start page',
    },
    refused: {
      status: 'Not connected — you can only read the plan here now',
      localCopy: 'You can still read what is on this device. What you had not shared before is only here.',
      forget: 'Delete it from this device too',
      revoked: {
        title: 'Your access has been taken back',
        text: 'The household has taken back your access to this plan. You cannot change anything any more and you will not see new things.',
      },
      expired: {
        title: 'Your invitation has expired',
        text: 'Ask the household for a new link if you want to take part again.',
      },
      deleted: {
        title: 'This plan has been deleted',
        text: 'The household has deleted this plan. Nobody can update it any more.',
      },
      notForThisRoom: {
        title: 'Your invitation does not give access here',
        text: 'Ask the household for a new link if you want to take part here.',
      },
      invalid: {
        title: 'Your invitation does not work',
        text: 'Ask the household for a new link.',
      },
      clockAhead: {
        title: 'A clock runs ahead',
        text: 'This invitation was made on a device whose clock runs ahead. Set the date and time right and open the plan again. Or ask the household for a new link.',
      },
      notAdmitted: {
        title: 'Your plan cannot go online yet',
        text: 'Here you need an admission code to share a new plan. Ask your wijkteam for one. Your plan stays on this device.',
      },
    },
  },
})
