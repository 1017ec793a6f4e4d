import { invitationAccess } from '../../../shared/capabilities/access.ts'
import type { DeviceAccess } from '../../invitations/deviceAccess.ts'

/**
 * Whether this device's invitation opens the network's room: the household
 * and its network, never a professional or a meelezer (the relay enforces
 * the same; shared/capabilities/access.ts). A device that may not open it
 * never opens a connection or a local copy of it either.
 */
export function opensNetwerk(access: DeviceAccess): boolean {
  return access.role !== null && access.room !== null && invitationAccess({ role: access.role, room: access.room }, 'netwerk') !== 'none'
}
