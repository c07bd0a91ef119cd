// Three communities and one street office, each its own browser profile:
// keys exchanged as files and confirmed by fingerprint, report packages made
// and imported, a tampered package refused with nothing changed, a filing
// reviewed with its receipt printed, an escalation answered, and the answer
// back in the community after it imports the street's reply package.
import { expect, test, type Browser, type Page } from '@playwright/test'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execFileSync } from 'node:child_process'
import { setUpCommunity, shot, SHOTS } from './support/app'
import { isoDay, seedReportingCommunity, type CommunitySeed } from './support/streetSeed'

const PORT = Number(process.env.E2E_PORT ?? 4173)
const PASSWORD = 'jiedao-2026'
const dir = mkdtempSync(join(tmpdir(), 'street-e2e-'))
const COMMUNITIES = [
  { name: '新华路社区', topic: '加装电梯', escalation: '北门外市政道路积水，需区城管局疏通' },
  { name: '幸福里社区', topic: '改造停车场', escalation: '小区外公交站台破损' },
  { name: '东风村', topic: '修缮村道', escalation: '灌溉渠跨村占用纠纷' },
]

async function profile(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 860 },
    acceptDownloads: true,
  })
  return context.newPage()
}

async function download(page: Page, click: () => Promise<void>, name: string): Promise<string> {
  const wait = page.waitForEvent('download')
  await click()
  const path = join(dir, name)
  await (await wait).saveAs(path)
  return path
}

const fingerprintOf = async (page: Page) =>
  (await page.getByTestId('key-card').getByTestId('fingerprint').innerText()).trim()

async function makeKey(page: Page) {
  await page.locator('input[name=keyPassword]').fill(PASSWORD)
  await page.getByTestId('key-create').click()
  await expect(page.getByTestId('key-card').getByTestId('fingerprint')).toBeVisible()
}

test('three communities report to one street office and get its answers back', async ({ browser }) => {
  test.setTimeout(300_000)
  // ---- The street office: set up at first run, its key made and exported.
  const street = await profile(browser)
  await street.goto('/')
  await street.getByTestId('office-mode-street').click()
  await street.locator('input[name=streetName]').fill('新华路街道')
  await street.locator('input[name=partyCommittee]').fill('中共新华路街道工作委员会')
  await street.locator('textarea[name=communityList]').fill(COMMUNITIES.map((c) => c.name).join('\n'))
  await street.getByTestId('street-setup-save').click()
  await expect(street).toHaveURL(/#\/street\/communities/)
  await expect(street.getByTestId('street-communities')).toContainText('尚未报送')
  await makeKey(street)
  const streetFingerprint = await fingerprintOf(street)
  const streetKey = await download(street, () => street.getByTestId('key-export').click(), 'street.slkey')

  // ---- Each community: seeded records, its key, the street's key confirmed, a full package.
  const packages: string[] = []
  const fingerprints: string[] = []
  const seeds: CommunitySeed[] = []
  const communities: Page[] = []
  for (const [i, c] of COMMUNITIES.entries()) {
    const page = await profile(browser)
    communities.push(page)
    await setUpCommunity(page, c.name)
    seeds.push(await seedReportingCommunity(page, c.topic, c.escalation))
    await page.goto('/#/report')
    await page.reload()
    await makeKey(page)
    fingerprints.push(await fingerprintOf(page))
    await page.getByTestId('report-street-key-file').setInputFiles(streetKey)
    // The fingerprint on screen is the one the street printed.
    await expect(page.getByTestId('key-confirm').getByTestId('fingerprint')).toHaveText(streetFingerprint)
    await page.getByTestId('key-confirm-ok').click()
    await expect(page.getByTestId('report-street-key')).toContainText('新华路街道')
    packages.push(await download(page, () => page.getByTestId('report-full').click(), `c${i}.slpkg`))
    await expect(page.getByTestId('report-sent').locator('.el-table__body tr')).toHaveCount(1)
  }
  await shot(communities[0]!, 'street-community-report')

  // ---- A tampered copy of the first package (one byte) is refused, nothing imported.
  const bytes = readFileSync(packages[0]!)
  bytes[Math.floor(bytes.length / 2)]! ^= 0x01
  const tampered = join(dir, 'tampered.slpkg')
  writeFileSync(tampered, bytes)

  await street.goto('/#/street/packages')
  await street.getByTestId('street-import').setInputFiles(packages)
  // Each first package waits for its fingerprint to be compared with the community's.
  for (const [i, c] of COMMUNITIES.entries()) {
    const dialog = street.getByTestId('key-confirm')
    await expect(dialog).toContainText(c.name)
    await expect(dialog.getByTestId('fingerprint')).toHaveText(fingerprints[i]!)
    await dialog.getByTestId('key-confirm-ok').click()
    await expect(street.getByTestId('street-outcomes')).toContainText(`已导入：${c.name}`)
  }
  await expect(street.getByTestId('street-received').locator('.el-table__body tr')).toHaveCount(3)
  await street.getByTestId('street-import').setInputFiles(tampered)
  await expect(street.getByTestId('street-outcomes')).toContainText('签名核验不通过')
  await expect(street.getByTestId('street-received').locator('.el-table__body tr')).toHaveCount(3)
  await shot(street, 'street-packages')

  // ---- The filings inbox: review one, print its receipt.
  await street.goto('/#/street/filings')
  const filings = street.getByTestId('street-filings').locator('.el-table__body tr')
  await expect(filings).toHaveCount(3)
  const first = filings.filter({ hasText: '新华路社区' })
  await expect(first.getByTestId('filing-status')).toHaveText('已接收')
  await first.getByTestId('filing-review').click()
  await street.locator('textarea[name=reviewOpinion]').fill('程序完备，同意备案。')
  await street.locator('input[name=reviewBy]').fill('周敏')
  await street.getByTestId('filing-review-save').click()
  await expect(first.getByTestId('filing-status')).toHaveText('已审核')
  await expect(first).toContainText('程序完备，同意备案。')
  await shot(street, 'street-filings')
  const receipt = await download(street, () => first.getByTestId('filing-receipt').click(), 'receipt.pdf')
  expect(readFileSync(receipt).subarray(0, 5).toString()).toBe('%PDF-')
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', receipt, join(SHOTS, 'street-receipt')])

  // ---- The escalations inbox: the chain so far, overdue, then the street's answer.
  await street.goto('/#/street/escalations')
  const escalations = street.getByTestId('street-escalations').locator('.el-table__body > tbody > tr.el-table__row')
  await expect(escalations).toHaveCount(3)
  const esc = escalations.filter({ hasText: '新华路社区' })
  await expect(esc.getByTestId('escalation-overdue')).toBeVisible()
  await esc.locator('.el-table__expand-icon').click()
  const chain = street.getByTestId('escalation-chain')
  await expect(chain).toContainText('超出社区职权，上报街道')
  await chain.getByTestId('escalation-callin').click()
  await street.locator('input[name=stepDepartment]').fill('区城管局')
  await street.locator('textarea[name=stepText]').fill('请于期限内疏通北门外排水管')
  await street.locator('input[name=stepDeadline]').fill(isoDay(5))
  await street.locator('input[name=stepDeadline]').press('Enter')
  await street.locator('input[name=stepBy]').fill('周敏')
  await street.getByTestId('escalation-save').click()
  await expect(street.getByText('已登记')).toBeVisible()
  await expect(esc.getByTestId('escalation-overdue')).toHaveCount(0)
  // The row stays open after the save: its chain now ends with the call-in.
  await expect(street.getByTestId('escalation-chain')).toContainText('区城管局')
  await street.getByTestId('escalation-chain').getByTestId('escalation-answer').click()
  await street.locator('textarea[name=stepText]').fill('已召集区城管局现场办公，排水管本周疏通')
  await street.locator('input[name=stepBy]').fill('周敏')
  await street.getByTestId('escalation-save').click()
  await expect(street.getByTestId('escalation-chain')).toContainText('已召集区城管局现场办公')
  await shot(street, 'street-escalations')

  // ---- Statistics across the three communities.
  await street.goto('/#/street/stats')
  await street.locator('input[name=statsFrom]').fill(isoDay(-60))
  await street.locator('input[name=statsFrom]').press('Enter')
  await street.getByTestId('street-stats-count').click()
  const statRows = street.getByTestId('street-stats-table').locator('.el-table__body tr')
  await expect(statRows).toHaveCount(4)
  await expect(statRows.last()).toContainText('合计')
  // 2 requests, 1 resolved (and so answered), 1 meeting, 1 topic decided, 1 item done — per community; three times that in total.
  await expect(statRows.last()).toHaveText(/合计\s*6\s*3\s*3\s*3\s*3\s*3\s*0/)
  await expect(street.getByTestId('street-charts')).toBeVisible()
  await street.waitForTimeout(500)
  await shot(street, 'street-stats')

  // ---- A community's read-only page: its sealed meeting verifies against the head received.
  await street.goto(`/#/street/communities/${seeds[0]!.communityId}`)
  await street.getByTestId('street-verify').click()
  await expect(street.getByTestId('street-verify-result')).toContainText(`核验通过`)
  await expect(street.getByTestId('street-verify-result')).toContainText(seeds[0]!.code)

  // ---- The reply package back to 新华路社区, imported there.
  await street.goto('/#/street/packages')
  const reply = await download(street, () => street.getByTestId('street-reply-新华路社区').click(), 'reply.slpkg')
  const c1 = communities[0]!
  await c1.goto('/#/report')
  await c1.reload()
  await c1.locator('input[name=keyPassword]').fill(PASSWORD)
  await c1.getByTestId('key-unlock').click()
  await expect(c1.getByTestId('key-unlock')).toHaveCount(0)
  await c1.getByTestId('report-reply-file').setInputFiles(reply)
  await expect(c1.getByText('已导入新华路街道的答复：备案意见 1 条，上报件答复 2 条')).toBeVisible()
  // The answer in the escalation's history (the ledger's trail) …
  await c1.goto('/#/ledger')
  await c1
    .getByTestId('ledger-table')
    .locator('.el-table__body-wrapper tr', { hasText: '北门外市政道路积水' })
    .getByTestId('row-detail')
    .click()
  const drawer = c1.getByTestId('request-drawer')
  await expect(drawer).toContainText('街道答复：已召集区城管局现场办公，排水管本周疏通')
  await expect(drawer).toContainText('街道召集部门（区城管局）')
  // … and the opinion beside the filing.
  await c1.goto(`/#/meetings/${seeds[0]!.meetingId}/publication`)
  await expect(c1.getByTestId('filing-street-opinion')).toContainText('已审核')
  await expect(c1.getByTestId('filing-street-opinion')).toContainText('程序完备，同意备案。')
  await shot(c1, 'street-reply-in-community')
})
