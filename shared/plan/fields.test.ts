import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { entries, keySet, timestamps } from './fields.ts'

describe('defensive field readers', () => {
  it('read a nested set only from a Y.Map: a plain value that looks like one (toJSON, doc) reads as empty instead of throwing', () => {
    const record = new Y.Doc().getMap<unknown>('record')
    record.set('endorsedBy', { toJSON: 'x', doc: 1 })
    record.set('leefgebieden', new Y.Text('financien'))
    expect(entries(record, 'endorsedBy')).toEqual({})
    expect(timestamps(record, 'endorsedBy')).toEqual({})
    expect(keySet(record, 'leefgebieden', ['financien'])).toEqual([])
  })

  it('keep every key of a nested map as its own key, so a "__proto__" member sets no prototype and lends no members', () => {
    const record = new Y.Doc().getMap<unknown>('record')
    const tags = new Y.Map<unknown>()
    record.set('leefgebieden', tags)
    tags.set('__proto__', { financien: 1 })
    tags.set('adl', 2)
    expect(Object.keys(entries(record, 'leefgebieden')).sort()).toEqual(['__proto__', 'adl'])
    expect(keySet(record, 'leefgebieden', ['financien', 'adl'])).toEqual(['adl'])
  })
})
