import { useTranslation } from 'react-i18next'
import type { Role } from '../../shared/protocol/roles.ts'
import './invitations.css'

/** One sentence on how this device takes part and what that role may do. */
export function YourRole({ role }: { role?: Role | null }) {
  const { t } = useTranslation('uitnodiging')
  if (!role) return null
  return <p className="your-role" data-role={role}>{t('youAre', { role: t(`as.${role}`), can: t(`youCan.${role}`) })}</p>
}
