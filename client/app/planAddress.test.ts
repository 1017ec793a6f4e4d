import { describe, expect, it } from 'vitest'
import { planPath, sectionInAddress } from './planAddress.ts'

describe('a plan address', () => {
  it('names the section of a plan, with or without a view, and before any query', () => {
    expect(sectionInAddress('#/plan/abc123/route')).toBe('route')
    expect(sectionInAddress('#/plan/abc123/netwerkatlas/relatiekaart')).toBe('netwerkatlas')
    expect(sectionInAddress('#/plan/abc123/vragen?open=1')).toBe('vragen')
  })

  it('names no section for a plan alone, another page, or no address', () => {
    for (const hash of ['#/plan/abc123', '#/plan/abc123/', '#/', '', '#/uitnodiging/abc', '#/verlaten/abc123', '/plan/abc123/route']) {
      expect(sectionInAddress(hash), hash).toBeUndefined()
    }
  })

  it('reads back the section of every path it makes', () => {
    expect(sectionInAddress(`#${planPath('abc123', 'toegang')}`)).toBe('toegang')
    expect(sectionInAddress(`#${planPath('abc123', 'meedenkbijeenkomst', 'scherm')}`)).toBe('meedenkbijeenkomst')
    expect(planPath('abc123', 'meedenkbijeenkomst', 'scherm')).toBe('/plan/abc123/meedenkbijeenkomst/scherm')
    expect(planPath('abc123')).toBe('/plan/abc123')
    expect(sectionInAddress(`#${planPath('abc123')}`)).toBeUndefined()
  })
})
