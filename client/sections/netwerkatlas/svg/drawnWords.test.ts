import { describe, expect, it } from 'vitest'
import { fullWhereShortened, nameFromDrawn } from './drawnWords.ts'
import { shorten, wrapText } from './wrapText.ts'

describe('a drawn control’s name and description', () => {
  const people = { drawn: shorten('Met Oma Riet en Opa Henk', 23), full: 'Met Oma Riet en Opa Henk' }
  const what = { drawn: wrapText('Opa Henk  overleed na een lange ziekte', 22, 3).join(' '), full: 'Opa Henk  overleed na een lange ziekte' }
  const nothing = { drawn: '', full: '' }

  it('is named by its texts as drawn, shortened ones too, in reading order', () => {
    expect(nameFromDrawn([what, nothing, people])).toBe('Opa Henk overleed na een lange ziekte, Met Oma Riet en Opa He…')
  })

  it('keeps in full only what the drawing shortened, not text that was merely wrapped', () => {
    expect(fullWhereShortened([what, nothing, people])).toEqual(['Met Oma Riet en Opa Henk'])
  })
})
