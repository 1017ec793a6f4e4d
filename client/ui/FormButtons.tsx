import { useTranslation } from 'react-i18next'

/** The buttons under a form: the one that writes, and (when the form can fold away) "Annuleren". */
export function FormButtons({ submit, onCancel, small = false }: { submit: string; onCancel?: () => void; small?: boolean }) {
  const { t } = useTranslation('ui')
  const size = small ? ' button-small' : ''
  return (
    <div className="button-row">
      <button type="submit" className={`button button-primary${size}`}>
        {submit}
      </button>
      {onCancel && (
        <button type="button" className={`button button-quiet${size}`} onClick={onCancel}>
          {t('cancel')}
        </button>
      )}
    </div>
  )
}
