import { defineCatalog } from '../../i18n/catalog.ts'

/** Printing the plan, and taking it along as a file. */
export default defineCatalog({
  nl: {
    title: 'Afdrukken en meenemen',
    intro: 'Druk het plan af voor aan de keukentafel, of bewaar het als PDF. Je kunt het plan ook als bestand meenemen naar een ander apparaat of een andere Kring.',
    print: {
      title: 'Afdrukken',
      choose: 'Wat wil je afdrukken?',
      privateHint: 'Alleen voor ons gaat nooit vanzelf mee op papier.',
      button: 'Afdrukken of bewaren als PDF',
      hint: 'Kies in het venster dat opent je printer, of "Opslaan als PDF". Dit werkt ook zonder internet.',
      all: 'Alles kiezen',
      none: 'Niets kiezen',
    },
    take: {
      title: 'Meenemen als bestand',
      intro: 'Het bestand bevat het hele plan, zoals jij het mag zien. Open het in Kring op een ander apparaat met "Een plan openen uit een bestand". Let op: wie het bestand heeft, kan alles lezen.',
      json: 'Bewaar als bestand (.json)',
      markdown: 'Bewaar als tekst (.md)',
      waiting: 'Even wachten: alles wordt geladen…',
    },
    preview: 'Zo komt het op papier',
  },
  en: {
    title: 'Print and take along',
    intro: 'Print the plan for the kitchen table, or keep it as a PDF. You can also take the plan along as a file to another device or another Kring.',
    print: {
      title: 'Print',
      choose: 'What do you want to print?',
      privateHint: 'Only for us never goes on paper by itself.',
      button: 'Print or keep as PDF',
      hint: 'In the window that opens, choose your printer or "Save as PDF". This also works without internet.',
      all: 'Choose all',
      none: 'Choose none',
    },
    take: {
      title: 'Take along as a file',
      intro: 'The file holds the whole plan, as far as you may see it. Open it in Kring on another device with "Open a plan from a file". Mind: whoever has the file can read all of it.',
      json: 'Keep as file (.json)',
      markdown: 'Keep as text (.md)',
      waiting: 'One moment: everything is loading…',
    },
    preview: 'This is how it goes on paper',
  },
})
