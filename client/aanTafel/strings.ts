import { addCatalog } from '../i18n/index.ts'
import ui from '../ui/i18n.ts'
import aanTafel from './i18n.ts'

// The "aan tafel" pieces show inside several sections (basisteam, partnerschapskaart, waarden) and the workspace's
// notices, each loaded lazily, so they bring their own strings rather than burden the first visit.
addCatalog('ui', ui)
addCatalog('aanTafel', aanTafel)
