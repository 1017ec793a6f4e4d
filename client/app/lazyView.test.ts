import { describe, expect, it, vi } from 'vitest'

// The app's strings set the page's language as they load; here there is no page.
vi.stubGlobal('document', { documentElement: {} })
const { lazyView } = await import('./lazyView.ts')

function View() {
  return null
}

describe('a view loaded on first use', () => {
  it('tries again after a load that failed (offline), instead of failing for the rest of the visit', async () => {
    let attempts = 0
    const view = lazyView(async () => {
      attempts++
      if (attempts === 1) throw new TypeError('Failed to fetch dynamically imported module')
      return { View }
    }, 'View')
    await expect(view.preload()).rejects.toThrow('Failed to fetch')
    await expect(view.preload()).resolves.toBeUndefined()
    // Loaded once it worked: not fetched again.
    await view.preload()
    expect(attempts).toBe(2)
  })
})
