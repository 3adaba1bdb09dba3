import { describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { HttpResponse } from 'msw'
import { useAuthStore } from '@/stores/auth'
import { freshPinia, makeUser, mountAt, problemResponse, tokenOut } from '@/test/helpers'
import { http, server, useMockServer } from '@/test/server'
import type { ApprovalOut } from './api'
import { approval, APPROVAL_ID, leaveTemplate } from './test-fixtures'

useMockServer()

async function open(first: ApprovalOut, handlers: Parameters<typeof server.use> = []) {
  let gets = 0
  server.use(
    http.get('/api/v1/approvals/{id}', () => {
      gets += 1
      return HttpResponse.json(first)
    }),
    ...handlers,
    http.get('/api/v1/approval-templates/{id}', () => HttpResponse.json(leaveTemplate())),
  )
  const pinia = freshPinia()
  useAuthStore().setSession(tokenOut('tok', makeUser({ permissions: ['approval.use'] })))
  const { wrapper } = await mountAt(`/approvals/${APPROVAL_ID}`, pinia)
  await flushPromises()
  return { wrapper, gets: () => gets }
}

const button = (name: string) => document.querySelector<HTMLButtonElement>(`[data-test="action-${name}"]`)

describe('DetailPage', () => {
  it('shows a period that starts in the afternoon and ends at noon with its half days', async () => {
    const form = { leaveType: '事假', period: { start: '2026-11-23', end: '2026-11-24', startHalf: 'pm', endHalf: 'am' }, days: 1, reason: '家中有事' }
    const { wrapper } = await open(approval({ form: form }))
    expect(wrapper.find('[data-test="value-period"]').text()).toBe('2026-11-23 下午 至 2026-11-24 上午')
    wrapper.unmount()
  })

  it('shows the request read-only and exactly the actions the server lists', async () => {
    const { wrapper } = await open(approval())
    expect(wrapper.text()).toContain('SP-2026-00001')
    expect(wrapper.text()).toContain('审批中')
    expect(wrapper.find('[data-test="value-amount"]').text()).toBe('¥1,234.50')
    expect(wrapper.find('[data-test="value-period"]').text()).toBe('2026-11-23 至 2026-11-27')
    expect(wrapper.find('[data-test="timeline"]').text()).toContain('提交申请')
    expect(wrapper.find('[data-test="steps"]').text()).toContain('分管校领导审批')
    for (const a of ['approve', 'reject', 'return', 'comment']) expect(button(a)).not.toBeNull()
    for (const a of ['withdraw', 'urge', 'cancel', 'recall', 'resubmit', 'transfer', 'add-signer']) expect(button(a)).toBeNull()
    wrapper.unmount()

    const mine = await open(approval({ actions: ['withdraw', 'urge', 'comment'] }))
    expect(button('approve')).toBeNull()
    expect(button('withdraw')).not.toBeNull()
    expect(button('urge')).not.toBeNull()
    mine.wrapper.unmount()
  })

  it('shows who signs next in a sequential step', async () => {
    const task = approval().tasks[0]!
    const { wrapper } = await open(approval({
      steps: [{ index: 0, name: '依次会审', mode: 'sequential', status: 'current', branches: [] }],
      tasks: [
        { ...task, id: 't1', stepName: '依次会审', assigneeName: '孙档案' },
        { ...task, id: 't2', stepName: '依次会审', assigneeName: '李文书', status: 'queued' },
        { ...task, id: 't3', stepName: '依次会审', assigneeName: '赵专员', status: 'queued' },
      ],
    }))
    await vi.waitFor(() => expect(wrapper.find('[data-test="steps"]').text()).toContain('下一位：李文书'))
    const rows = wrapper.findAll('[data-test="tasks"] li').map((li) => li.text())
    expect(rows[1]).toContain('待依次审批')
    expect(rows[1]).toContain('下一位')
    expect(rows[2]).not.toContain('下一位')
    wrapper.unmount()
  })

  it('says in words when a step applies, and why a step was skipped', async () => {
    const { wrapper } = await open(approval())
    await vi.waitFor(() => expect(wrapper.find('[data-test="steps"]').text()).toContain('仅当请假天数大于 3 天时'))
    expect(wrapper.find('[data-test="steps"]').text()).not.toContain('days')
    wrapper.unmount()

    const short = approval({
      form: { days: 2 },
      steps: [
        { index: 0, name: '部门负责人审批', mode: 'or', status: 'current', branches: [] },
        { index: 1, name: '分管校领导审批', mode: 'or', status: 'skipped', branches: [] },
      ],
      timeline: [{ id: 'e2', at: '2026-11-23T01:00:00Z', action: 'step_skipped', stepIndex: 1, data: { reason: 'condition' } }],
    })
    const skipped = await open(short)
    await vi.waitFor(() => expect(skipped.wrapper.find('[data-test="steps"]').text()).toContain('已跳过：仅当请假天数大于 3 天时适用'))
    skipped.wrapper.unmount()

    // A request on an older version than the template publishes: its conditions are not guessed.
    const older = await open(short, [
      http.get('/api/v1/approval-templates/{id}', () => HttpResponse.json({ ...leaveTemplate(), currentVersion: 2 })),
    ])
    await vi.waitFor(() => expect(older.wrapper.find('[data-test="steps"]').text()).toContain('已跳过：不满足适用条件'))
    expect(older.wrapper.find('[data-test="steps"]').text()).not.toContain('请假天数')
    older.wrapper.unmount()
  })

  it('labels the resubmit box as a note on the resubmission, not an approval opinion', async () => {
    const { wrapper } = await open(approval({ status: 'returned', currentStep: null, actions: ['resubmit', 'withdraw'] }))
    button('resubmit')!.click()
    await vi.waitFor(() => expect(document.querySelector('[data-test="action-comment"]')).not.toBeNull())
    const dialog = document.querySelector('[data-test="action-comment"]')!.closest('.el-dialog')!
    expect(dialog.querySelector('.el-dialog__title')?.textContent).toBe('修改后重新提交')
    const labels = [...dialog.querySelectorAll('.el-form-item__label')].map((l) => l.textContent?.trim())
    expect(labels).toContain('重新提交说明（选填）')
    expect(labels).not.toContain('审批意见（选填）')
    wrapper.unmount()
  })

  it('will not reject without a reason, and sends the reason with the version seen', async () => {
    let sent: Record<string, unknown> | null = null
    const { wrapper } = await open(approval(), [
      http.post('/api/v1/approvals/{id}/reject', async ({ request }) => {
        sent = (await request.json()) as Record<string, unknown>
        return HttpResponse.json(approval({ status: 'rejected', actions: ['comment'] }))
      }),
    ])
    button('reject')!.click()
    await flushPromises()
    const submit = () => document.querySelector<HTMLButtonElement>('[data-test="form-submit"]')!.click()
    submit()
    await vi.waitFor(() => expect(document.body.textContent).toContain('请填写原因'))
    expect(sent).toBeNull()
    const reason = document.querySelector<HTMLTextAreaElement>('textarea[data-test="action-comment"]')!
    reason.value = '材料不全'
    reason.dispatchEvent(new Event('input'))
    await flushPromises()
    submit()
    await vi.waitFor(() => expect(sent).toEqual({ version: 3, comment: '材料不全' }))
    await vi.waitFor(() => expect(wrapper.text()).toContain('已驳回'))
    expect(button('reject')).toBeNull()
    wrapper.unmount()
  })

  it('reloads the request when someone else acted first (409)', async () => {
    const { wrapper, gets } = await open(approval({ actions: ['withdraw', 'comment'] }), [
      http.post('/api/v1/approvals/{id}/withdraw', () =>
        problemResponse(409, 'version_conflict', { detail: '申请已被处理' }),
      ),
    ])
    expect(gets()).toBe(1)
    button('withdraw')!.click()
    await flushPromises()
    // The confirmation box: accept it.
    await vi.waitFor(() => expect(document.querySelector('.el-message-box')).not.toBeNull())
    const ok = [...document.querySelectorAll<HTMLButtonElement>('.el-message-box button')].find((b) => b.textContent?.includes('确定'))
    ok!.click()
    await vi.waitFor(() => expect(gets()).toBe(2))
    await vi.waitFor(() => expect(document.body.textContent).toContain('已刷新'))
    wrapper.unmount()
  })
})
