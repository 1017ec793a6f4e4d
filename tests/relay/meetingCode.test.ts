import { afterEach, describe, expect, it } from 'vitest'
import { issueDeletion } from '../../shared/capabilities/deletion.ts'
import { issueRevocation } from '../../shared/capabilities/revocation.ts'
import { readToken } from '../../shared/capabilities/token.ts'
import { lookUpMeetingCode } from '../../shared/protocol/lookUpMeetingCode.ts'
import { MEETING_CODE_ALPHABET, readMeetingCode, showMeetingCode } from '../../shared/protocol/meetingCode.ts'
import { postSignedText } from '../../shared/protocol/postSignedText.ts'
import { needPostgres, needRedis } from '../support/services.ts'
import { startSharedRelays } from '../support/sharedRelays.ts'
import { startTestRelay, type TestRelay } from '../support/testRelay.ts'
import { OTHER_ADDRESS, requestFrom } from './support/fromAddress.ts'
import { knock, newTestPlan, type TestPlan } from './support/invitations.ts'

const databaseUrl = await needPostgres()
const redisUrl = await needRedis()

/**
 * A meeting's short code at the relay (issue 10, "Joining on the spot"),
 * with real HTTP, real sockets and a real SQLite file: the household posts
 * the meeting's guest link and gets a code; a guest looks the code up and
 * gets the link, and gets in with it; wrong codes are limited per address;
 * the code outlives a restart, not its time, nor the plan.
 */

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** A relay whose clock the test moves (the codes' expiry); tries per address as given. */
async function relay(config: { meetingCodeMinutes?: number; maxCodeTriesPerMinute?: number; codeTryBurst?: number } = {}) {
  const clock = { now: Date.now() }
  const started = await startTestRelay({ config: { limits: config }, now: () => clock.now })
  cleanups.push(() => started.close())
  return { relay: started, clock }
}

async function guestLink(plan: TestPlan, fields: { role?: 'netwerk' | 'meelezer' | 'professional'; issuedAt?: number } = {}): Promise<string> {
  return plan.invite({ role: fields.role ?? 'netwerk', guests: true, name: 'Gasten van de bijeenkomst', issuedAt: fields.issuedAt })
}

async function codeFor(relay: TestRelay, plan: TestPlan, link: string): Promise<{ code: string; expiresAt: number }> {
  const posted = await postSignedText(relay.url, plan.planId, 'meeting-code', link)
  if (posted.outcome !== 'stored') throw new Error(`no code: ${JSON.stringify(posted)}`)
  return posted.answer
}

function lookUpFrom(address: string, relay: TestRelay, code: string) {
  return requestFrom(address, `${relay.url}/meeting-codes/${encodeURIComponent(code)}`)
}

describe('a meeting code', () => {
  it('stands for the guest link until it expires, typed in any case with or without the dash, and lets the guest in with the chosen role', async () => {
    const { relay: server, clock } = await relay({ meetingCodeMinutes: 60 })
    const plan = await newTestPlan()
    const link = await guestLink(plan, { role: 'meelezer' })
    const { code, expiresAt } = await codeFor(server, plan, link)
    expect(code).toMatch(new RegExp(`^[${MEETING_CODE_ALPHABET}]{6}$`))
    expect(expiresAt).toBe(clock.now + 60 * 60_000)
    // The same link posted again (a second screen, a reload) keeps its code.
    expect((await codeFor(server, plan, link)).code).toBe(code)

    const typed = showMeetingCode(code).toLowerCase().replace('-', ' - ')
    const found = await lookUpMeetingCode(server.url, typed)
    expect(found).toEqual({ outcome: 'found', answer: { code, planId: plan.planId, invitation: link, expiresAt } })
    const guest = await knock(server.url, plan.room('plan'), found.outcome === 'found' ? found.answer.invitation : '')
    cleanups.push(() => guest.ws.terminate())
    expect(guest.closeEvent).toBeUndefined()
    expect(readToken(link)).toMatchObject({ role: 'meelezer', guests: true })

    clock.now = expiresAt - 1
    expect((await lookUpMeetingCode(server.url, code)).outcome).toBe('found')
    clock.now = expiresAt
    expect(await lookUpMeetingCode(server.url, code)).toEqual({ outcome: 'unknown' })
  })

  it('ends when the guest link expires first, and is not given to an old link or a link for one person', async () => {
    const { relay: server, clock } = await relay({ meetingCodeMinutes: 60 })
    const plan = await newTestPlan()
    const shortLink = await plan.invite({ role: 'netwerk', guests: true, expiresAt: clock.now + 5 * 60_000 })
    expect((await codeFor(server, plan, shortLink)).expiresAt).toBe(clock.now + 5 * 60_000)

    const oldLink = await guestLink(plan, { issuedAt: Date.now() - 3 * 60 * 60_000 })
    expect(await postSignedText(server.url, plan.planId, 'meeting-code', oldLink)).toMatchObject({ outcome: 'refused', status: 403, code: 'expired' })
    const forOnePerson = await plan.invite({ role: 'netwerk', person: 'p-oma-riet' })
    expect(await postSignedText(server.url, plan.planId, 'meeting-code', forOnePerson)).toMatchObject({ outcome: 'refused', status: 400, code: 'not-a-guest-link' })
    const otherPlan = await newTestPlan()
    expect(await postSignedText(server.url, plan.planId, 'meeting-code', await guestLink(otherPlan))).toMatchObject({ outcome: 'refused', status: 403, code: 'other-plan' })
  })

  it('survives a restart of the relay, and is gone once its link is taken back or its plan deleted', async () => {
    const { relay: server } = await relay()
    const plan = await newTestPlan()
    const first = await guestLink(plan)
    const second = await guestLink(plan)
    const codeOfFirst = (await codeFor(server, plan, first)).code
    const codeOfSecond = (await codeFor(server, plan, second)).code
    expect(codeOfSecond).not.toBe(codeOfFirst)
    await server.restart()
    expect((await lookUpMeetingCode(server.url, codeOfFirst)).outcome).toBe('found')

    expect((await postSignedText(server.url, plan.planId, 'revocations', await issueRevocation(plan.key, { tokenId: readToken(first).id }))).outcome).toBe('stored')
    expect(await lookUpMeetingCode(server.url, codeOfFirst)).toEqual({ outcome: 'unknown' })
    expect((await lookUpMeetingCode(server.url, codeOfSecond)).outcome).toBe('found')

    expect((await postSignedText(server.url, plan.planId, 'deletion', await issueDeletion(plan.key))).outcome).toBe('stored')
    expect(await lookUpMeetingCode(server.url, codeOfSecond)).toEqual({ outcome: 'unknown' })
    const stored = server.openStorage()
    expect(await stored.meetingCode(codeOfSecond, Date.now())).toBeUndefined()
    // A deleted plan gets no new code either.
    expect(await postSignedText(server.url, plan.planId, 'meeting-code', await guestLink(plan))).toMatchObject({ outcome: 'refused', code: 'deleted' })
  })

  it('limits wrong tries per address: past the limit a right code is refused too, while another address still gets in', async () => {
    const { relay: server } = await relay({ maxCodeTriesPerMinute: 1, codeTryBurst: 3 })
    const plan = await newTestPlan()
    const { code } = await codeFor(server, plan, await guestLink(plan))
    // A right code never counts: thirty guests on one wifi all get in.
    for (let i = 0; i < 10; i++) expect((await lookUpFrom('127.0.0.1', server, code)).status).toBe(200)
    const wrong = code.startsWith('2') ? '3' + code.slice(1) : '2' + code.slice(1)
    const answers = []
    for (let i = 0; i < 4; i++) answers.push(await lookUpFrom('127.0.0.1', server, wrong))
    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404, 429])
    expect(JSON.parse(answers[3]!.text)).toMatchObject({ code: 'rate-limited' })
    expect(Number(answers[3]!.headers['retry-after'])).toBeGreaterThanOrEqual(1)
    const limitedRight = await lookUpFrom('127.0.0.1', server, code)
    expect(limitedRight.status).toBe(429)
    // Limited, a right code and a wrong one get the same answer: nothing is learned.
    expect(limitedRight.text).toBe((await lookUpFrom('127.0.0.1', server, wrong)).text)
    expect((await lookUpMeetingCode(server.url, code)).outcome).toBe('limited')

    const other = await lookUpFrom(OTHER_ADDRESS, server, code)
    expect(other.status).toBe(200)
    expect(JSON.parse(other.text)).toMatchObject({ code, planId: plan.planId })
  })

  it('answers junk with 400 and keeps working', async () => {
    const { relay: server } = await relay({ codeTryBurst: 100 })
    const plan = await newTestPlan()
    const { code } = await codeFor(server, plan, await guestLink(plan))
    const junk = ['', 'x', 'KR7-4M', 'KR7-4MXX', '0OIL11', '%E0%A4%A', '%00%00%00%00%00%00', 'a'.repeat(5000), 'KR7%2F4MX', 'KR74MX/extra', '%2e%2e%2f%2e%2e%2fetc']
    for (const text of junk) {
      const answer = await requestFrom('127.0.0.1', `${server.url}/meeting-codes/${text}`)
      expect(answer.status, text).toBe(400)
      expect(JSON.parse(answer.text)).toMatchObject({ code: 'malformed' })
    }
    expect((await requestFrom('127.0.0.1', `${server.url}/meeting-codes/${code}`, { method: 'DELETE' })).status).toBe(405)
    for (const body of ['', 'geen uitnodiging', 'A'.repeat(1000), await issueRevocation(plan.key, { issuedBefore: Date.now() })]) {
      expect(await postSignedText(server.url, plan.planId, 'meeting-code', body)).toMatchObject({ outcome: 'refused', status: 400, code: 'malformed' })
    }
    expect(await postSignedText(server.url, plan.planId, 'meeting-code', 'A'.repeat(5000))).toMatchObject({ outcome: 'refused', status: 413 })
    expect(readMeetingCode(showMeetingCode(code))).toBe(code)
    expect((await lookUpMeetingCode(server.url, code)).outcome).toBe('found')
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
  })
})

describe.skipIf(!databaseUrl || !redisUrl)('a meeting code on several relay instances', () => {
  it('made on one instance is found on another (shared PostgreSQL)', async () => {
    const shared = await startSharedRelays(2, { databaseUrl: databaseUrl!, redisUrl: redisUrl! }, { requireTokens: true })
    cleanups.push(() => shared.dispose())
    const [a, b] = [shared.relays[0]!, shared.relays[1]!]
    const plan = await newTestPlan()
    const link = await guestLink(plan)
    const posted = await postSignedText(a.url, plan.planId, 'meeting-code', link)
    expect(posted.outcome).toBe('stored')
    const code = posted.outcome === 'stored' ? posted.answer.code : ''
    expect(await lookUpMeetingCode(b.url, code)).toMatchObject({ outcome: 'found', answer: { planId: plan.planId, invitation: link } })
    // Posted again on the other instance: still one code for the link.
    expect(await postSignedText(b.url, plan.planId, 'meeting-code', link)).toMatchObject({ outcome: 'stored', answer: { code } })
  })
})
