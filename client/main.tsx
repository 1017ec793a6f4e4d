import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './i18n/index.ts'
import { App } from './app/App.tsx'
import './app/app.css'
import { registerServiceWorkerLater } from './app/serviceWorker.ts'

registerServiceWorkerLater()

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
