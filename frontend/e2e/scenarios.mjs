// The browser scenarios. Each takes a fresh page and the shared state.
import { changePassword, check, noHorizontalOverflow, signIn } from './helpers.mjs'
import { approvalFeatureScenarios } from './approval-features.mjs'
import { approvalScenarios } from './approvals.mjs'
import { noticeScenarios } from './notices.mjs'

const ORG = '组织管理'
const ADMIN_ENTRIES = ['部门', '用户', '角色']
/** A top-level entry every signed-in user sees (editing needs calendar.manage). */
const CALENDAR = '工作日历'
const DEPT = { code: 'e2e_office', name: '端到端测试办公室' }
const NOT_ADMIN_ENTRIES = ['API 密钥', '审计日志']

/** The texts of the menu items, opening the drawer first at phone width. */
async function menuTexts(page, phone) {
  if (phone) {
    await page.getByRole('button', { name: '打开菜单' }).click()
    await page.locator('.xb-drawer .xb-nav').waitFor()
  }
  const menu = page.locator(phone ? '.xb-drawer .xb-nav' : '.xb-aside .xb-nav').first()
  await menu.waitFor()
  return (await menu.innerText()).split('\n').map((s) => s.trim()).filter(Boolean)
}

export const scenarios = [
  {
    name: 'admin-first-sign-in',
    viewport: 'desktop',
    async run({ page, base, state }) {
      await signIn(page, base, 'admin', state.adminInitial)
      await changePassword(page, state.adminInitial, state.adminPassword)
      await page.getByText('您好').first().waitFor()
    },
  },
  {
    name: 'admin-creates-department-and-staff',
    viewport: 'desktop',
    async run({ page, base, state }) {
      await signIn(page, base, 'admin', state.adminPassword)
      await page.waitForURL((url) => url.pathname === '/')

      // 部门: create the department through its dialog and see it in the table.
      await page.getByRole('menuitem', { name: '部门', exact: true }).click()
      await page.waitForURL((url) => url.pathname === '/admin/departments')
      await page.locator('[data-test="create"]').click()
      await page.locator('#dept-code').fill(DEPT.code)
      await page.locator('#dept-name').fill(DEPT.name)
      await page.locator('[data-test="form-submit"]:visible').click()
      await page.locator('.el-table').getByText(DEPT.name, { exact: true }).waitFor()

      // 用户: create a user in it; the server generates the one-time password.
      const username = 'e2e.desktop'
      await page.getByRole('menuitem', { name: '用户', exact: true }).click()
      // Wait for the users page itself: the departments page has a create button too.
      await page.waitForURL((url) => url.pathname === '/admin/users')
      await page.locator('[data-test="import"]').waitFor()
      await page.locator('[data-test="create"]').click()
      await page.locator('#u-username').fill(username)
      await page.locator('#u-name').fill('桌面测试员')
      await page.locator('[data-test="u-depts-item"] .el-select__wrapper').click()
      // On a loaded machine the first click can land while the dropdown is still opening; click
      // again only when no tag shows the choice (a second click on a chosen node would undo it).
      const chosen = page.locator('[data-test="u-depts-item"] .el-tag', { hasText: DEPT.name })
      for (let attempt = 0; attempt < 3 && !(await chosen.isVisible()); attempt++) {
        await page.locator('.el-tree-node__content:visible', { hasText: DEPT.name }).click()
        await chosen.waitFor({ timeout: 10_000 }).catch(() => {})
      }
      await page.locator('#u-name').click() // closes the multi-select's dropdown
      // The primary department follows the first chosen one.
      await page.locator('[data-test="u-primary-item"]').getByText(DEPT.name).waitFor()
      await page.locator('[data-test="form-submit"]:visible').click()
      const shown = page.locator(`[data-test="otp-${username}"]`)
      await shown.waitFor()
      const initial = (await shown.innerText()).trim()
      check(initial.length >= 8, `odd one-time password "${initial}"`)
      await page.locator('[data-test="otp-ack"]').click()

      // 角色分配: staff, scope 仅本人.
      await page.locator(`[data-test="more-${username}"]`).first().click()
      await page.getByRole('menuitem', { name: '角色分配', exact: true }).click()
      await page.locator('[data-test="role-item"] .el-select__wrapper').click()
      await page.locator('.el-select-dropdown__item:visible', { hasText: '（staff）' }).click()
      await page.locator('[data-test="scope-self"]').click()
      await page.locator('[data-test="role-assign"]').click()
      await page.locator('[data-test="role-list"]').getByText('（staff）').waitFor()
      check((await page.locator('[data-test="role-list"]').innerText()).includes('仅本人'), 'the staff role is not scoped to self')
      await page.locator('[data-test="roles-close"]').click()
      state.staff.desktop = { username, initial }
    },
  },
  {
    // The phone-width user is created through the API, in the department made above.
    name: 'seed-phone-staff',
    async run({ seed }) {
      await seed(DEPT.code)
    },
  },
  {
    name: 'admin-menu-desktop',
    viewport: 'desktop',
    async run({ page, base, state }) {
      await signIn(page, base, 'admin', state.adminPassword)
      await page.waitForURL((url) => url.pathname === '/')
      const items = await menuTexts(page, false)
      check(items.includes(ORG), `no ${ORG} in ${items}`)
      for (const e of [...ADMIN_ENTRIES, CALENDAR]) check(items.includes(e), `sysadmin should see ${e}: ${items}`)
      for (const e of NOT_ADMIN_ENTRIES) check(!items.includes(e), `sysadmin must not see ${e}: ${items}`)
      await page.getByRole('menuitem', { name: '工作日历' }).click()
      await page.locator('[data-test="calendar"] .xb-cell').first().waitFor()
      await page.getByRole('menuitem', { name: '角色' }).click()
      await page.getByText('系统管理员').first().waitFor()
    },
  },
  ...['desktop', 'phone'].map((viewport) => ({
    name: `staff-first-sign-in-${viewport}`,
    viewport,
    async run({ page, base, state }) {
      const user = state.staff[viewport]
      await signIn(page, base, user.username, user.initial)
      await changePassword(page, user.initial, 'Hz#2026-Pt7m-Lv')
      const items = await menuTexts(page, viewport === 'phone')
      check(items.includes('首页'), `no 首页 in ${items}`)
      check(items.includes(CALENDAR), `staff should see ${CALENDAR}: ${items}`)
      check(!items.includes(ORG), `staff must not see ${ORG}: ${items}`)
      for (const e of [...ADMIN_ENTRIES, ...NOT_ADMIN_ENTRIES]) check(!items.includes(e), `staff sees ${e}`)
      if (viewport === 'phone') await noHorizontalOverflow(page, 'staff home')
      // Staff may read the calendar (editing needs calendar.manage).
      await page.getByRole('menuitem', { name: CALENDAR }).click()
      await page.locator('[data-test="calendar"] .xb-cell').first().waitFor()
    },
  })),
  {
    name: 'admin-phone-drawer',
    viewport: 'phone',
    async run({ page, base, state }) {
      await signIn(page, base, 'admin', state.adminPassword)
      await page.waitForURL((url) => url.pathname === '/')
      check(!(await page.locator('.xb-aside').isVisible()), 'the side menu shows at phone width')
      await noHorizontalOverflow(page, 'home')
      const items = await menuTexts(page, true)
      for (const e of [...ADMIN_ENTRIES, CALENDAR]) check(items.includes(e), `drawer lacks ${e}: ${items}`)
      await page.getByRole('menuitem', { name: '工作日历' }).click()
      await page.locator('[data-test="calendar"] .xb-cell').first().waitFor()
      await noHorizontalOverflow(page, 'calendar')
      if (process.env.E2E_SHOTS) await page.screenshot({ path: new URL('./screenshots/calendar-phone.png', import.meta.url).pathname })
      await page.goto(`${base}/admin/roles`)
      await page.getByText('系统管理员').first().waitFor()
      await noHorizontalOverflow(page, 'roles')
    },
  },
  ...approvalScenarios,
  ...approvalFeatureScenarios,
  ...noticeScenarios,
]
