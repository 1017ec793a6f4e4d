import { defineCatalog } from '../../i18n/catalog.ts'

/** "Ons verhaal": the household's story, written together. */
export default defineCatalog({
  nl: {
    title: 'Ons verhaal',
    intro: 'Schrijf hier samen het verhaal van het huishouden. Wie zijn jullie? Wat gaat goed? Wat is lastig?',
    editorLabel: 'Ons verhaal, tekst',
    toolbar: {
      label: 'Opmaak',
      heading: 'Kopje',
      bold: 'Vet',
      italic: 'Schuin',
      bulletList: 'Opsomming',
    },
  },
  en: {
    title: 'Our story',
    intro: "Write the household's story here, together. Who are you? What goes well? What is hard?",
    editorLabel: 'Our story, text',
    toolbar: {
      label: 'Formatting',
      heading: 'Heading',
      bold: 'Bold',
      italic: 'Italic',
      bulletList: 'Bullet list',
    },
  },
})
