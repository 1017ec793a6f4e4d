import { useTranslation } from 'react-i18next'
import { PARTNERSCHAPSKAART_CREDIT } from '../../../shared/plan/index.ts'
import { useFormat } from '../../ui/useFormat.ts'

/** The card is not ours: HAN Sociaal, EMGO+, CSO and Zorgbelang made it. */
export function CardCredit() {
  const { t } = useTranslation('partnerschapskaart')
  const format = useFormat()
  const site = PARTNERSCHAPSKAART_CREDIT.url.replace(/^https?:\/\//, '')
  return (
    <footer className="pk-credit">
      <p>
        <span className="pk-credit-label">{t('credit')}:</span> {format.wording(PARTNERSCHAPSKAART_CREDIT)}{' '}
        <a href={PARTNERSCHAPSKAART_CREDIT.url} target="_blank" rel="noreferrer">
          {site}
        </a>
      </p>
    </footer>
  )
}
