// The approvals scenario on the demo school (the server runs with XIAOBAN_DEMO=true):
// he.laoshi (何老师, staff in 信息工程系) asks for 5 days of leave; the department head
// wei.xinxi (卫主任) approves on a phone; as days > 3 the 分管校领导 step applies and
// chen.fuxiaozhang (陈副校长) approves; he.laoshi then sees 已通过. Then he.laoshi and lv.laoshi
// (吕老师, same department) each ask for one day, and 卫主任 approves both at once (批量同意).
// Last, liu.jiaowu (刘处长, head of 教务处) asks for two days: the head's step would be their own,
// so it goes to the leader in charge of 教务处, chen.fuxiaozhang, who approves it.
import { changePassword, check, noHorizontalOverflow, signIn } from './helpers.mjs'

export const DEMO_PASSWORD = 'Xiaoban@2026'

/** Signs a demo user in, changing the password first if the server asks for it. */
/** Waits for the page after sign-in; when the login page shows an error instead, fails with its words. */
async function signedInOrSaid(page, username) {
  const left = page.waitForURL((url) => url.pathname === '/' || url.pathname === '/change-password', { timeout: 15_000 })
  const error = page.locator('[data-test="login-error"]').waitFor({ timeout: 15_000 })
  const first = await Promise.race([left.then(() => null), error.then(() => 'error')]).catch((e) => e)
  if (first === 'error') {
    const said = await page.locator('[data-test="login-error"]').innerText()
    throw new Error(`signing in as ${username} failed: ${said}`)
  }
  if (first instanceof Error) throw first
}

export async function signInDemo(page, base, state, username) {
  state.demo ??= {}
  const password = state.demo[username] ?? DEMO_PASSWORD
  await signIn(page, base, username, password)
  await signedInOrSaid(page, username)
  if (new URL(page.url()).pathname === '/change-password') {
    const next = 'Xb#2026-Demo-Qr7'
    await changePassword(page, password, next)
    state.demo[username] = next
  }
}

/** Opens the request from the 待办 list and approves it with a comment. */
async function approveFromInbox(page, base, state, { phone }) {
  await page.goto(`${base}/approvals`)
  const item = page.locator(`[data-test="inbox-item-${state.approval.number}"]`).first()
  await item.waitFor({ timeout: 15_000 })
  if (phone) await noHorizontalOverflow(page, 'approvals centre')
  // A tap anywhere on the row (desktop: the applicant's cell; phone: the card's summary) opens it.
  const row = phone ? item : page.locator('tr', { has: item })
  await row.locator(phone ? '.xb-card__meta' : 'td:nth-child(3)').click()
  await page.waitForURL((url) => url.pathname === `/approvals/${state.approval.id}`)
  await page.locator('[data-test="approval-number"]').waitFor()
  if (phone) await noHorizontalOverflow(page, 'approval detail')
  await page.locator('[data-test="action-approve"]').click()
  await page.locator('textarea[data-test="action-comment"]').fill('同意')
  await page.locator('[data-test="form-submit"]:visible').click()
  // Once decided, this user has nothing more to approve on it.
  await page.locator('[data-test="action-approve"]').waitFor({ state: 'detached', timeout: 15_000 })
}

/** The page is no wider than a 390 px phone: `document.documentElement.scrollWidth <= 390`. */
async function fits390(page, where) {
  // Two frames: the picker's popper is placed by then.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  check(width <= 390, `${where}: the page is ${width} px wide on a 390 px phone`)
}

/** Opens each picker of a from–to pair in turn and checks the page still fits the phone. */
async function pickersFit(page, ids, where) {
  await fits390(page, where)
  for (const id of ids) {
    await page.locator(id).click()
    await page.locator('.el-picker-panel:visible').first().waitFor()
    await fits390(page, `${where}, ${id} open`)
    await page.keyboard.press('Escape')
    await page.locator('.el-picker-panel:visible').first().waitFor({ state: 'hidden' })
  }
}

/** On the start page: picks 请假 and fills a 事假 from `from` to `to` (YYYY-MM-DD) with a reason. */
export async function fillLeave(page, from, to, reason) {
  await page.locator('[data-test="template-leave"]').click()
  await page.locator('[data-test="field-leaveType"] .el-select__wrapper').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: '事假' }).click()
  await page.locator('#form-period-start').fill(from)
  await page.locator('#form-period-end').fill(to)
  await page.locator('#form-period-end').press('Enter')
  await page.locator('#form-reason').fill(reason)
}

/** Starts a one-day 事假 on `day` (YYYY-MM-DD) from the start form; remembers its number. */
async function startOneDayLeave(page, base, state, username, day) {
  await signInDemo(page, base, state, username)
  await page.goto(`${base}/approvals/new`)
  await fillLeave(page, day, day, '家中有事，请假一天')
  await page.locator('[data-test="start-submit"]').click()
  await page.waitForURL((url) => /^\/approvals\/[0-9a-f-]{36}$/.test(url.pathname), { timeout: 15_000 })
  const number = (await page.locator('[data-test="approval-number"]').innerText()).trim()
  check(number.length > 0, `no request number for ${username}'s leave`)
  state.batch ??= []
  state.batch.push(number)
}

export const approvalScenarios = [
  {
    name: 'teacher-starts-leave',
    viewport: 'desktop',
    async run({ page, base, state }) {
      await signInDemo(page, base, state, 'he.laoshi')
      await page.getByRole('menuitem', { name: '审批中心' }).click()
      await page.locator('[data-test="start"]').click()
      // The days are computed by the server from the period (5 working days), not typed.
      await fillLeave(page, '2026-12-07', '2026-12-11', '家中有事，请假一周')
      await page.locator('[data-test="steps-preview"]').getByText('分管校领导审批').waitFor()
      const when = await page.locator('[data-test="step-condition-1"]').innerText()
      check(when.includes('仅当请假天数大于 3 天时'), `the leader's step condition reads ${when}`)
      await page.locator('[data-test="start-submit"]').click()
      await page.waitForURL((url) => /^\/approvals\/[0-9a-f-]{36}$/.test(url.pathname), { timeout: 15_000 })
      const number = (await page.locator('[data-test="approval-number"]').innerText()).trim()
      check(number.length > 0, 'no request number on the detail')
      check((await page.locator('[data-test="approval-status"]').first().innerText()).includes('审批中'), 'not 审批中 after submitting')
      const days = await page.locator('[data-test="value-days"]').innerText()
      check(days.trim() === '5', `days shown as ${days}`)
      await page.locator('[data-test="steps"]').getByText('仅当请假天数大于 3 天时').waitFor()
      state.approval = { id: new URL(page.url()).pathname.split('/').pop(), number }
    },
  },
  {
    name: 'director-sees-conditions-in-words',
    viewport: 'desktop',
    async run({ page, base, state }) {
      await signInDemo(page, base, state, 'wang.zhuren')
      await page.goto(`${base}/approvals/templates`)
      await page.locator('[data-test="tpl-reimbursement"]').getByRole('button', { name: '编辑' }).click()
      await page.locator('[data-test="designer-tab-steps"]').click()
      const builder = page.locator('[data-test="designer-builder-2"]')
      const sentence = builder.locator('[data-test="condition-sentence"]')
      await sentence.getByText('报销金额不低于 5,000 元', { exact: true }).waitFor()
      const yuan = await builder.locator('[data-test="money-input"] input').inputValue()
      check(yuan === '5000.00', `the condition's amount is shown as ${yuan}, not 5000.00 yuan`)
      check(!(await builder.innerText()).includes('500000'), 'the builder shows the amount in fen')
      await builder.locator('[data-test="cond-op"] .el-select__wrapper').click()
      await page.locator('.el-select-dropdown__item:visible').getByText('高于', { exact: true }).click()
      await sentence.getByText('报销金额高于 5,000 元', { exact: true }).waitFor()
      await builder.locator('[data-test="cond-toggle"]').click()
      const raw = await page.locator('[data-test="designer-condition-2"]').inputValue()
      check(raw === 'amount > 500000', `the advanced expression is ${raw}`)
      // Nothing is saved: the demo template keeps its condition for the other scenarios.
    },
  },
  {
    name: 'date-pickers-fit-a-phone',
    viewport: 'phone',
    async run({ page, base, state }) {
      await signInDemo(page, base, state, 'he.laoshi')
      await page.goto(`${base}/approvals/new`)
      await page.locator('[data-test="template-leave"]').click()
      await page.locator('[data-test="start-submit"]').waitFor()
      await pickersFit(page, ['#form-period-start', '#form-period-end'], '请假 start form')
      await page.goto(`${base}/approvals`)
      await page.locator('[data-test="delegations"]').click()
      await page.locator('[data-test="delegation-add"]').waitFor()
      await pickersFit(page, ['#delegation-period-start', '#delegation-period-end'], 'delegation dialog')
    },
  },
  {
    name: 'department-head-approves-on-phone',
    viewport: 'phone',
    async run({ page, base, state }) {
      check(state.approval, 'no request was started')
      await signInDemo(page, base, state, 'wei.xinxi')
      await approveFromInbox(page, base, state, { phone: true })
      const status = await page.locator('[data-test="approval-status"]').first().innerText()
      check(status.includes('审批中'), `after the first step the request is ${status}, not 审批中`)
    },
  },
  {
    name: 'vice-principal-approves',
    viewport: 'desktop',
    async run({ page, base, state }) {
      check(state.approval, 'no request was started')
      await signInDemo(page, base, state, 'chen.fuxiaozhang')
      await approveFromInbox(page, base, state, { phone: false })
      await page.locator('[data-test="approval-status"]', { hasText: '已通过' }).first().waitFor()
    },
  },
  {
    name: 'teacher-sees-approved',
    viewport: 'phone',
    async run({ page, base, state }) {
      check(state.approval, 'no request was started')
      await signInDemo(page, base, state, 'he.laoshi')
      // The decision's notice reaches the bell through the outbox worker (every 2 s); reload until
      // it shows rather than trusting one poll.
      const badge = page.locator('[data-test="bell-count"] sup')
      let shown = false
      for (let i = 0; i < 5 && !shown; i++) {
        if (i > 0) await page.reload()
        await page.locator('[data-test="bell"]').waitFor()
        shown = await badge.waitFor({ state: 'visible', timeout: 3000 }).then(() => true, () => false)
      }
      check(shown, 'the bell shows no unread notification')
      await page.locator('[data-test="bell"]').click()
      await page.locator('[data-test="bell-item"]', { hasText: '请假（何老师）已通过' }).first().click()
      await page.waitForURL((url) => url.pathname === `/approvals/${state.approval.id}`)
      await page.locator('[data-test="approval-status"]', { hasText: '已通过' }).first().waitFor()
      await page.locator('[data-test="timeline"]').getByText('审批结束').waitFor()
      await noHorizontalOverflow(page, 'approved detail')
    },
  },
  {
    name: 'a-teacher-asks-for-a-day',
    viewport: 'desktop',
    run: ({ page, base, state }) => startOneDayLeave(page, base, state, 'he.laoshi', '2026-12-14'),
  },
  {
    name: 'a-colleague-asks-for-a-day',
    viewport: 'desktop',
    run: ({ page, base, state }) => startOneDayLeave(page, base, state, 'lv.laoshi', '2026-12-15'),
  },
  {
    name: 'department-head-approves-both-at-once',
    viewport: 'desktop',
    async run({ page, base, state }) {
      check(state.batch?.length === 2, `two requests to approve, not ${state.batch?.length ?? 0}`)
      await signInDemo(page, base, state, 'wei.xinxi')
      await page.goto(`${base}/approvals`)
      for (const number of state.batch) {
        await page.locator(`[data-test="select-${number}"]`).click()
      }
      await page.locator('[data-test="batch-bar"]').getByText('已选 2 条').waitFor()
      await page.locator('[data-test="batch-approve"]').click()
      await page.locator('[data-test="batch-dialog"]').getByText('确定同意选中的 2 条申请吗').waitFor()
      await page.locator('[data-test="batch-submit"]').click()
      await page.locator('[data-test="batch-summary"]').getByText('成功 2 条，失败 0 条').waitFor({ timeout: 15_000 })
      await page.locator('[data-test="batch-summary-close"]').click()
      for (const number of state.batch) {
        await page.locator(`[data-test="inbox-item-${number}"]`).waitFor({ state: 'detached', timeout: 15_000 })
      }
      await page.locator('[data-test="tab-done"]').click()
      for (const number of state.batch) {
        await page.locator(`[data-test="inbox-item-${number}"]`).first().waitFor({ timeout: 15_000 })
      }
    },
  },
  {
    name: 'a-department-heads-leave-goes-to-the-leader-in-charge',
    viewport: 'desktop',
    async run({ page, base, state }) {
      await signInDemo(page, base, state, 'liu.jiaowu')
      await page.goto(`${base}/approvals/new`)
      await fillLeave(page, '2026-12-16', '2026-12-17', '外出参加教研活动')
      await page.locator('[data-test="start-submit"]').click()
      await page.waitForURL((url) => /^\/approvals\/[0-9a-f-]{36}$/.test(url.pathname), { timeout: 15_000 })
      const number = (await page.locator('[data-test="approval-number"]').innerText()).trim()
      check(number.length > 0, 'no request number for the head\'s leave')
      await page.locator('[data-test="timeline"]').getByText('审批人是申请人本人，交给其上级').waitFor()
      const tasks = await page.locator('[data-test="tasks"]').innerText()
      check(tasks.includes('陈副校长'), `the head's own leave waits for ${tasks}, not 陈副校长`)
      check(!tasks.includes('刘'), `the head holds a task on their own leave: ${tasks}`)
      state.headLeave = { id: new URL(page.url()).pathname.split('/').pop(), number }
    },
  },
  {
    name: 'the-leader-in-charge-approves-the-heads-leave',
    viewport: 'desktop',
    async run({ page, base, state }) {
      check(state.headLeave, 'the head did not ask for leave')
      await signInDemo(page, base, state, 'chen.fuxiaozhang')
      await approveFromInbox(page, base, { approval: state.headLeave }, { phone: false })
      await page.locator('[data-test="approval-status"]', { hasText: '已通过' }).first().waitFor()
    },
  },
]
