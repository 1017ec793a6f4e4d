import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

/**
 * The text of a PDF as a reader sees it, page by page, extracted with
 * Mozilla's PDF.js (not by searching the bytes, where text is encoded
 * and split). Each page's runs are joined with spaces.
 */
export async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise
  try {
    const pages: string[] = []
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number)
      const content = await page.getTextContent()
      pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '))
    }
    return { pages: pdf.numPages, text: pages.join('\n').replace(/\s+/g, ' ') }
  } finally {
    await pdf.destroy()
  }
}
