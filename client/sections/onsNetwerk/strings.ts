import { addCatalog } from '../../i18n/index.ts'
import ui from '../../ui/i18n.ts'
import vragen from '../vragen/i18n.ts'
import onsNetwerk from './i18n.ts'

// Privetijd is shown inside the meeting's steps (client/meeting/) as well as in the section, so its module brings
// its own strings; it is in a lazy chunk, never the first visit.
addCatalog('ui', ui)
addCatalog('vragen', vragen)
addCatalog('onsNetwerk', onsNetwerk)
