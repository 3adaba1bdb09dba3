// The approvals features a teacher, an approver and a designer use, each at both viewports on the
// demo school: a draft saved and submitted later, a decision signed on the pad, a template with a
// parallel block designed and saved, and a 报销 whose lines add up to its amount.
import { check, noHorizontalOverflow } from './helpers.mjs'
import { DEMO_PASSWORD, fillLeave, signInDemo } from './approvals.mjs'
import { apiAs } from './server.mjs'

const VIEWPORTS = ['desktop', 'phone']
/** Who files at each viewport: two teachers of 信息工程系 (their head is 卫主任). */
const TEACHER = { desktop: 'he.laoshi', phone: 'lv.laoshi' }

const detailUrl = (url) => /^\/approvals\/[0-9a-f-]{36}$/.test(url.pathname)

/** The demo person's REST client, with the password the browser scenarios may have changed. */
const api = (base, state, username) => apiAs(base, username, state.demo?.[username] ?? DEMO_PASSWORD)

/** (a) 草稿: fill a leave, save it as a draft, leave, find it in the drafts and submit it. */
async function draftThenSubmit({ page, base, state }, viewport) {
  const teacher = TEACHER[viewport]
  const day = viewport === 'desktop' ? '2026-12-21' : '2026-12-22'
  const reason = `参加区教研活动（${viewport}）`
  await signInDemo(page, base, state, teacher)
  await page.goto(`${base}/approvals/new`)
  await fillLeave(page, day, day, reason)
  await page.locator('[data-test="start-save-draft"]').click()
  await page.waitForURL((url) => url.searchParams.has('draft'), { timeout: 15_000 })
  await page.locator('[data-test="start-draft-note"]').waitFor()

  // Away and back: the draft waits in the drafts (草稿箱), not among the requests.
  await page.goto(`${base}/approvals`)
  await page.locator('[data-test="drafts"]').click()
  await page.waitForURL((url) => url.pathname === '/approvals/drafts')
  const draft = page.locator('.xb-draft', { hasText: '请假' }).first()
  await draft.waitFor({ timeout: 15_000 })
  if (viewport === 'phone') await noHorizontalOverflow(page, 'drafts')
  await draft.locator('[data-test="draft-resume"]').click()
  await page.locator('[data-test="start-draft-note"]').waitFor({ timeout: 15_000 })
  const kept = await page.locator('#form-reason').inputValue()
  check(kept === reason, `the draft kept the reason as ${kept}`)
  await page.locator('[data-test="start-submit"]').click()
  await page.waitForURL(detailUrl, { timeout: 15_000 })
  const status = await page.locator('[data-test="approval-status"]').first().innerText()
  check(status.includes('审批中'), `the submitted draft is ${status}, not 审批中`)
  await page.goto(`${base}/approvals/drafts`)
  await page.locator('.el-empty').waitFor({ timeout: 15_000 })
}

/** A one-step 用印申请 whose approver (卫主任) must sign, filed by the teacher; returns its id. */
async function sealRequest(base, state, viewport) {
  const director = await api(base, state, 'wang.zhuren')
  const teacher = await api(base, state, TEACHER[viewport])
  const me = await (await api(base, state, 'wei.xinxi'))('GET', '/api/v1/me')
  const head = { id: me.id ?? me.user?.id }
  check(head.id, 'no id for 卫主任')
  const template = await director('POST', '/api/v1/approval-templates', {
    code: `e2e-seal-${viewport}`,
    name: `用印申请（${viewport}）`,
    category: '综合',
    definition: {
      form: { fields: [{ key: 'document', label: '用印文件', kind: 'text', required: true }] },
      steps: [{ name: '系主任签批', rule: { type: 'users', userIds: [head.id] }, signatureRequired: true }],
    },
  })
  const request = await teacher('POST', '/api/v1/approvals', {
    templateId: template.id,
    form: { document: '信息工程系实习协议（一式三份）' },
  })
  return request.id
}

/** (b) 手写签名: the head draws on the pad, approves, and the detail shows the signature. */
async function signAndApprove({ page, base, state }, viewport) {
  const id = await sealRequest(base, state, viewport)
  await signInDemo(page, base, state, 'wei.xinxi')
  await page.goto(`${base}/approvals/${id}`)
  await page.locator('[data-test="action-approve"]').click()
  const pad = page.locator('[data-test="signature-canvas"]')
  await pad.waitFor()
  if (viewport === 'phone') await noHorizontalOverflow(page, 'approve with signature')
  const box = await pad.boundingBox()
  check(box, 'the signature pad has no box')
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.6)
  await page.mouse.down()
  for (const [x, y] of [[0.35, 0.3], [0.5, 0.7], [0.65, 0.3], [0.8, 0.6]]) {
    await page.mouse.move(box.x + box.width * x, box.y + box.height * y, { steps: 5 })
  }
  await page.mouse.up()
  await page.locator('textarea[data-test="action-comment"]').fill('同意用印')
  await page.locator('[data-test="form-submit"]:visible').click()
  await page.locator('[data-test="approval-status"]', { hasText: '已通过' }).first().waitFor({ timeout: 15_000 })
  const image = page.locator('[data-test="signature-image"]').first()
  await image.waitFor({ timeout: 15_000 })
  // The image is the uploaded PNG, loaded under the request's visibility.
  const loaded = await page
    .waitForFunction((img) => img.complete && img.naturalWidth > 0, await image.elementHandle(), { timeout: 10_000 })
    .then(() => true, () => false)
  check(loaded, 'the signature image did not load')
}

/** (c) 设计器: a template with a parallel block (财务 signs, 设备 reviews), saved. */
async function designParallel({ page, base, state }, viewport) {
  const code = `e2e-purchase-${viewport}`
  await signInDemo(page, base, state, 'wang.zhuren')
  await page.goto(`${base}/approvals/templates/new`)
  await page.locator('input[data-test="designer-code"]').fill(code)
  await page.locator('input[data-test="designer-name"]').fill('设备采购会审')
  await page.locator('input[data-test="designer-category"]').fill('后勤')
  await page.getByRole('tab', { name: '表单字段' }).click()
  await page.locator('[data-test="designer-add-field"]').click()
  await page.locator('[data-test="designer-field-0"] input[placeholder="显示名称"]').fill('采购内容')
  await page.locator('[data-test="designer-tab-steps"]').click()
  await page.locator('[data-test="designer-step-0"] .xb-name input').fill('部门审核')
  await page.locator('[data-test="designer-add-block"]').click()
  const block = page.locator('[data-test="designer-step-1"]')
  await block.locator('[data-test="designer-block"]').waitFor()
  const names = [['财务', '财务审核'], ['设备', '设备审核']]
  for (const [b, [branch, step]] of names.entries()) {
    await block.locator(`[data-test="designer-branch-${b}"] .xb-branch__name input`).fill(branch)
    const inner = `definition.steps[1].branches[${b}].steps-0`
    await block.locator(`[data-test="designer-step-${inner}"] .xb-name input`).fill(step)
  }
  // A branch step has its own rights: finance signs.
  await block.locator('[data-test="designer-signature-definition.steps[1].branches[0].steps-0"]').click()
  if (viewport === 'phone') await noHorizontalOverflow(page, 'designer with a parallel block')
  await page.locator('[data-test="designer-save"]').click()
  await page.waitForURL((url) => /^\/approvals\/templates\/[0-9a-f-]{36}$/.test(url.pathname), { timeout: 15_000 })

  const director = await api(base, state, 'wang.zhuren')
  const id = new URL(page.url()).pathname.split('/').pop()
  const saved = await director('GET', `/api/v1/approval-templates/${id}`)
  const [first, parallel] = saved.definition.steps
  check(first?.name === '部门审核', `the first step is ${first?.name}`)
  const branches = (parallel?.branches ?? []).map((b) => `${b.name}:${b.steps.map((s) => s.name).join('/')}`)
  check(branches.join(',') === '财务:财务审核,设备:设备审核', `the block's branches are ${branches}`)
  check(parallel.branches[0].steps[0].signatureRequired === true, 'the finance branch step does not require a signature')
}

/** (d) 报销 with two lines: the form shows their total, and so does the submitted request. */
async function claimWithLines({ page, base, state }, viewport) {
  await signInDemo(page, base, state, TEACHER[viewport])
  await page.goto(`${base}/approvals/new`)
  await page.locator('[data-test="template-reimbursement"]').click()
  await page.locator('[data-test="field-expenseType"] .el-select__wrapper').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: '差旅费' }).click()
  const lines = [['赴省城参加技能大赛高铁票', '356.50'], ['住宿费（两晚）', '480']]
  for (const [i, [item, yuan]] of lines.entries()) {
    await page.locator('[data-test="lines-lines-add"]').click()
    await page.locator(`[data-test="line-${i}"] input[data-test="line-${i}-item"]`).fill(item)
    const amount = page.locator(`[data-test="line-${i}"] .xb-money input`)
    await amount.fill(yuan)
    await amount.press('Tab')
  }
  const total = page.locator('input[data-test="computed-amount"]')
  await page.waitForFunction((el) => el?.value === '¥836.50', await total.elementHandle(), { timeout: 5000 }).catch(() => undefined)
  const shown = await total.inputValue()
  check(shown === '¥836.50', `the form's total reads ${shown}, not ¥836.50`)
  if (viewport === 'phone') await noHorizontalOverflow(page, '报销 with lines')
  await page.locator('#form-description').fill('带学生参加省职业技能大赛的差旅费用')
  await page.locator('[data-test="start-submit"]').click()
  await page.waitForURL(detailUrl, { timeout: 15_000 })
  const amount = await page.locator('[data-test="value-amount"]').innerText()
  check(amount.includes('¥836.50'), `the request's amount reads ${amount}`)
  const listed = await page.locator('[data-test="form-values"]').innerText()
  check(listed.includes('住宿费（两晚）') && listed.includes('¥480.00'), `the lines are not in the detail: ${listed}`)
}

export const approvalFeatureScenarios = [
  [draftThenSubmit, 'a-teacher-submits-a-saved-draft'],
  [signAndApprove, 'an-approver-signs-on-the-pad'],
  [designParallel, 'a-designer-saves-a-parallel-block'],
  [claimWithLines, 'a-claims-lines-add-up'],
].flatMap(([run, name]) =>
  VIEWPORTS.map((viewport) => ({ name: `${name}-${viewport}`, viewport, run: (ctx) => run(ctx, viewport) })),
)
