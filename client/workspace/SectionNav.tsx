import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { preloadSection, type Section } from '../sections/registry.ts'

/**
 * The plan's sections. On a wide screen a column of links; on a phone one
 * "Menu" button that names the open section and unfolds the links, so the
 * section itself starts within the first screen. The disclosure pattern of
 * navigation (a button with aria-expanded and a list of links; Escape folds
 * it and returns to the button) rather than an ARIA menu: these are links to
 * places. Hand-written because it is that button and that list; a
 * react-aria Disclosure would add its library to every first screen.
 */
export function SectionNav({ sections, current }: { sections: readonly Section[]; current: string }) {
  const { t } = useTranslation('workspace')
  const [open, setOpen] = useState(false)
  const listId = useId()
  const toggle = useRef<HTMLButtonElement | null>(null)
  const currentSection = sections.find((entry) => entry.id === current)

  // Choosing a section folds the menu again.
  useEffect(() => setOpen(false), [current])

  return (
    <nav
      className={`section-nav${open ? ' is-open' : ''}`}
      aria-label={t('sectionsLabel')}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !open) return
        setOpen(false)
        toggle.current?.focus()
      }}
    >
      <button ref={toggle} type="button" className="section-nav-toggle" aria-expanded={open} aria-controls={listId} onClick={() => setOpen((was) => !was)}>
        <span className="section-nav-toggle-icon" aria-hidden="true" />
        {t('menu')}{' '}
        {currentSection && <span className="section-nav-current">{t(currentSection.labelKey)}</span>}
      </button>
      <ul id={listId}>
        {sections.map((entry) => (
          <li key={entry.id}>
            <Link href={`/${entry.id}`} aria-current={entry.id === current ? 'page' : undefined} onPointerDown={() => preloadSection(entry.id)}>
              {t(entry.labelKey)}
              {entry.methodKey && <span className="section-nav-method">{t(entry.methodKey)}</span>}
            </Link>
          </li>
        ))}
        <li className="section-nav-home">
          <Link href="~/">{t('myPlans')}</Link>
        </li>
      </ul>
    </nav>
  )
}
