// The notices scenario on the demo school: the office director (王主任) writes a notice to
// 信息工程系 and 机电工程系 and publishes it; 何老师 (信息工程系) reads it on a phone; the director
// sees her as read in the receipts and exports them; a visitor opens a public guide and a public
// notice unsigned, and sees no internal notice.
import { check, noHorizontalOverflow } from './helpers.mjs'
import { signInDemo } from './approvals.mjs'

const TITLE = '关于期末教学检查材料报送的通知'
const DEPARTMENTS = ['信息工程系', '机电工程系']

/** Picks a department in the notice's DepartmentPicker by typing in its filter (the tree starts folded). */
async function pickDepartment(page, name) {
  const picker = page.locator('[data-test="audience-departments"]')
  await picker.locator('.el-select__wrapper').click()
  await picker.locator('input').first().fill(name)
  await page.locator('.el-tree-node__content:visible', { hasText: name }).first().click()
}

export const noticeScenarios = [
  {
    name: 'director-publishes-notice-to-two-departments',
    viewport: 'desktop',
    async run({ page, base, state }) {
      await signInDemo(page, base, state, 'wang.zhuren')
      await page.getByRole('menuitem', { name: '通知公告' }).click()
      await page.waitForURL((url) => url.pathname === '/notices')
      await page.locator('[data-test="create"]').click()
      await page.waitForURL((url) => url.pathname === '/notices/new')
      await page.locator('#notice-title').fill(TITLE)
      await page.locator('#notice-body').fill('请各系于本周五前将期末教学检查材料报送教务处。')
      await page.locator('[data-test="audience-kind-departments"]').click()
      for (const name of DEPARTMENTS) await pickDepartment(page, name)
      await page.locator('#notice-title').click() // closes the picker's dropdown
      const chosen = await page.locator('[data-test="audience-departments"] .el-select__wrapper').innerText()
      for (const name of DEPARTMENTS) check(chosen.includes(name), `${name} is not chosen: ${chosen}`)
      await page.locator('[data-test="publish"]').click()
      await page.locator('.el-message-box button', { hasText: '发布' }).click()
      await page.waitForURL((url) => /^\/notices\/[0-9a-f-]{36}$/.test(url.pathname), { timeout: 15_000 })
      await page.locator('[data-test="notice-body"]').waitFor()
      check((await page.locator('[data-test="notice-status"]').innerText()).includes('已发布'), 'the notice is not 已发布')
      state.notice = { id: new URL(page.url()).pathname.split('/').pop() }
    },
  },
  {
    name: 'teacher-reads-notice-on-phone',
    viewport: 'phone',
    async run({ page, base, state }) {
      check(state.notice, 'no notice was published')
      await signInDemo(page, base, state, 'he.laoshi')
      await page.getByRole('button', { name: '打开菜单' }).click()
      await page.locator('.xb-drawer').getByRole('menuitem', { name: '通知公告' }).click()
      await page.waitForURL((url) => url.pathname === '/notices')
      const card = page.locator(`[data-test="notice-${state.notice.id}"]`)
      await card.waitFor({ timeout: 15_000 })
      check((await card.innerText()).includes('未读'), 'the new notice is not marked 未读')
      await noHorizontalOverflow(page, 'notices list')
      await card.click()
      await page.waitForURL((url) => url.pathname === `/notices/${state.notice.id}`)
      await page.locator('[data-test="notice-body"]').getByText('期末教学检查材料').waitFor()
      await page.locator('[data-test="notice-read"]').waitFor()
      await noHorizontalOverflow(page, 'notice detail')
    },
  },
  {
    name: 'director-sees-receipt-and-exports',
    viewport: 'desktop',
    async run({ page, base, state }) {
      check(state.notice, 'no notice was published')
      await signInDemo(page, base, state, 'wang.zhuren')
      await page.goto(`${base}/notices/${state.notice.id}`)
      await page.locator('.el-tabs__item', { hasText: '已读回执' }).click()
      const receipts = page.locator('[data-test="receipts"]')
      await receipts.locator('[data-test="receipts-counts"]').waitFor()
      await receipts.locator('[data-test="receipts-read"]').click()
      await receipts.locator('.el-table').getByText('何老师', { exact: true }).waitFor({ timeout: 15_000 })
      const counts = await receipts.locator('[data-test="receipts-counts"]').innerText()
      check(/已读 1 \/ 共 \d+ 人/.test(counts), `the counts read ${counts}`)
      const [download] = await Promise.all([page.waitForEvent('download'), receipts.locator('[data-test="export"]').click()])
      const name = download.suggestedFilename()
      check(name.endsWith('.xlsx'), `the receipts download is ${name}`)
    },
  },
  {
    name: 'visitor-opens-public-guide',
    viewport: 'phone',
    async run({ page, base }) {
      await page.goto(`${base}/public/guides`)
      const guide = page.locator('[data-test="guide"]', { hasText: '新教职工入职办事指南' })
      await guide.waitFor({ timeout: 15_000 })
      await guide.locator('button').click()
      await guide.locator('[data-test="guide-body"]').getByText('参加新教职工入职培训').waitFor()
      check(new URL(page.url()).pathname === '/public/guides', `a visitor was sent to ${page.url()}`)
      await noHorizontalOverflow(page, 'public guides')
      await page.locator('[data-test="public-notices-link"]').click()
      await page.waitForURL((url) => url.pathname === '/public/notices')
      const notice = page.locator('[data-test="public-notice"]', { hasText: '服务大厅开放时间调整的公告' })
      await notice.waitFor({ timeout: 15_000 })
      const titles = await page.locator('[data-test="public-notice"]').allInnerTexts()
      check(!titles.some((text) => text.includes('教职工例会')), 'an internal notice is shown to a visitor')
      await notice.locator('button').click()
      await notice.locator('[data-test="public-notice-body"]').getByText('周三下午暂停对外办理').waitFor()
      await noHorizontalOverflow(page, 'public notices')
    },
  },
]
