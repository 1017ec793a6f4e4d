import { describe, expect, it } from 'vitest'
import joinCatalog from '../../client/meeting/join/i18n.ts'
import workspaceCatalog from '../../client/workspace/i18n.ts'
import { readToken } from '../../shared/capabilities/token.ts'
import { showMeetingCode } from '../../shared/protocol/meetingCode.ts'
import { postSignedText } from '../../shared/protocol/postSignedText.ts'
import { createPlanViaUi, inviteViaUi, planIdOf } from './support/app.ts'
import { devicesOnOneRelay, PHONE } from './support/devices.ts'
import { saveScreenshot } from './support/screenshots.ts'

const j = joinCatalog.nl
const w = workspaceCatalog.nl

/**
 * Joining a meeting on the spot (issue 10), in Chromium against the real
 * relay: the household's guest link gets a short code; a guest who scans
 * the QR (the short address `/m/<code>`) or types the code on the start
 * page says who they are and is in, with the role the household chose.
 */
describe('joining a meeting with its short code', () => {
  const { device, relayUrl } = devicesOnOneRelay()

  it('a guest scans the short address or types the code, says who she is and is in as netwerk', async () => {
    const [ans, riet, bram] = await Promise.all([device(), device(PHONE), device()])
    await createPlanViaUi(ans.page, relayUrl(), { householdName: 'Familie de Vries', myName: 'Ans' })
    const planId = planIdOf(ans.page)
    const link = await inviteViaUi(ans.page, { role: 'netwerk', guests: true, name: 'Bijeenkomst' })
    const token = decodeURIComponent(link.slice(link.indexOf('/uitnodiging/') + '/uitnodiging/'.length))
    expect(readToken(token)).toMatchObject({ guests: true, role: 'netwerk' })
    const posted = await postSignedText(relayUrl(), planId, 'meeting-code', token)
    if (posted.outcome !== 'stored') throw new Error(JSON.stringify(posted))
    const code = posted.answer.code

    // Scanned: the QR holds the short address; the app looks the code up and asks who she is.
    await riet.page.goto(`${relayUrl()}/m/${code}`)
    await riet.page.getByRole('heading', { name: w.whoAreYou.title }).waitFor()
    await saveScreenshot(riet.page, 'meeting-join-1-scanned-who-are-you-360')
    await riet.page.getByLabel(w.whoAreYou.name).fill('Riet')
    await riet.page.getByLabel(w.whoAreYou.relation).fill('tante')
    await riet.page.getByRole('button', { name: w.whoAreYou.add }).click()
    await riet.page.getByRole('navigation', { name: w.sectionsLabel }).waitFor()
    expect(riet.page.url()).toContain(`#/plan/${planId}`)

    // Typed on the start page: a wrong code says so, the right one (any case, with a space) lets him in.
    await bram.page.goto(relayUrl())
    await bram.page.getByRole('link', { name: j.start.link }).click()
    await bram.page.getByRole('heading', { name: j.page.title }).waitFor()
    const field = bram.page.getByLabel(j.page.codeLabel)
    const wrong = code.startsWith('2') ? `3${code.slice(1)}` : `2${code.slice(1)}`
    await field.fill(wrong)
    await bram.page.getByRole('button', { name: j.page.submit }).click()
    await bram.page.getByText(j.page.unknown).waitFor()
    await field.fill('KR7')
    await bram.page.getByRole('button', { name: j.page.submit }).click()
    await bram.page.getByText(j.page.malformed).waitFor()
    await saveScreenshot(bram.page, 'meeting-join-2-typed-code-malformed')
    await field.fill(showMeetingCode(code).toLowerCase().replace('-', ' '))
    await bram.page.getByRole('button', { name: j.page.submit }).click()
    await bram.page.getByRole('heading', { name: w.whoAreYou.title }).waitFor()
    expect([...ans.errors, ...riet.errors, ...bram.errors]).toEqual([])
  })
})
