import { addCatalog } from '../../i18n/index.ts'
import ui from '../../ui/i18n.ts'
import vragen from './i18n.ts'

// OnzeVragen is also shown inside the meeting's steps (client/meeting/), not only as a section loaded by
// lazyView, so its module brings its own strings. This module is in OnzeVragen's lazy chunk, never the first visit.
addCatalog('ui', ui)
addCatalog('vragen', vragen)
