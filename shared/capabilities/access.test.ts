import { describe, expect, it } from 'vitest'
import { ROLES } from '../protocol/roles.ts'
import { ROOM_KINDS } from '../protocol/rooms.ts'
import { defaultRoomFor, invitationAccess, mayInvite, roleAccess } from './access.ts'

describe('who may open which room', () => {
  it('invites each role, by default, to the most private room it may open', () => {
    expect(ROLES.map(defaultRoomFor)).toEqual(['huishouden', 'huishouden', 'netwerk', 'plan', 'plan'])
  })

  it('never lets an invitation open more than its role, whatever room it names', () => {
    for (const role of ROLES) {
      for (const named of ROOM_KINDS) {
        for (const room of ROOM_KINDS) {
          const access = invitationAccess({ role, room: named }, room)
          if (access !== 'none') expect(access).toBe(roleAccess(role, room))
        }
      }
    }
  })

  it('lets a netwerk invitation for the plan room open only the plan room', () => {
    expect(ROOM_KINDS.map((room) => invitationAccess({ role: 'netwerk', room: 'plan' }, room))).toEqual(['write', 'none', 'none'])
    expect(ROOM_KINDS.map((room) => invitationAccess({ role: 'netwerk', room: 'netwerk' }, room))).toEqual(['write', 'write', 'none'])
  })

  it('lets only the eigenaar invite', () => {
    expect(ROLES.filter(mayInvite)).toEqual(['eigenaar'])
  })
})
