// First, so it runs before the rest is evaluated (client/device/openAtOnce.ts).
import './device/openAtOnce.ts'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './i18n/index.ts'
import { App } from './app/App.tsx'
import './app/app.css'
import { sectionInAddress } from './app/planAddress.ts'
import { registerServiceWorkerLater } from './app/serviceWorker.ts'
import { joinRouteFromPath } from './meeting/join/joinLink.ts'
import { preloadSection } from './sections/registry.ts'

registerServiceWorkerLater()

// A meeting's short address (`/m/<code>`, scanned or typed) becomes the app's own route, before the router reads it.
const joinRoute = joinRouteFromPath(location.pathname)
if (joinRoute) history.replaceState(null, '', `/#${joinRoute}`)

// The section the address names loads while the plan opens, so it shows at once (client/app/lazyView.ts).
const openingSection = sectionInAddress(location.hash)
if (openingSection) preloadSection(openingSection)

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
