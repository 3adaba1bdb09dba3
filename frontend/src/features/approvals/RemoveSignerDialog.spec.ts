import { describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { HttpResponse } from 'msw'
import { useAuthStore } from '@/stores/auth'
import { freshPinia, makeUser, mountAt, tokenOut } from '@/test/helpers'
import { http, server, useMockServer } from '@/test/server'
import type { ApprovalOut } from './api'
import { approval, APPROVAL_ID, leaveTemplate } from './test-fixtures'

useMockServer()

/** 卫主任 (task-1) added 孙档案 before themselves: 卫主任 waits, 孙档案 is to act. */
function withAddedSigner(overrides: Partial<ApprovalOut> = {}): ApprovalOut {
  const base = approval()
  return approval({
    tasks: [
      { ...base.tasks[0]!, status: 'waiting' },
      { ...base.tasks[0]!, id: 'task-2', assigneeId: 'u-sun', assigneeName: '孙档案', origin: 'add_before' },
    ],
    actions: ['remove-signer', 'comment'],
    ...overrides,
  })
}

async function open(first: ApprovalOut, sent: { body: unknown }) {
  server.use(
    http.get('/api/v1/approvals/{id}', () => HttpResponse.json(first)),
    http.get('/api/v1/approval-templates/{id}', () => HttpResponse.json(leaveTemplate())),
    http.post('/api/v1/approvals/{id}/remove-signer', async ({ request }) => {
      sent.body = await request.json()
      return HttpResponse.json(approval({ actions: ['approve', 'comment'] }))
    }),
  )
  const pinia = freshPinia()
  useAuthStore().setSession(tokenOut('tok', makeUser({ permissions: ['approval.use'] })))
  const { wrapper } = await mountAt(`/approvals/${APPROVAL_ID}`, pinia)
  await flushPromises()
  return wrapper
}

const removeButton = () => document.querySelector<HTMLButtonElement>('[data-test="action-remove-signer"]')

describe('RemoveSignerDialog', () => {
  it('is offered only when the server lists remove-signer', async () => {
    const wrapper = await open(withAddedSigner({ actions: ['comment'] }), { body: null })
    expect(removeButton()).toBeNull()
    wrapper.unmount()
  })

  it('offers the added signer only, asks why, confirms, and sends it with the version seen', async () => {
    const sent = { body: null as unknown }
    const wrapper = await open(withAddedSigner(), sent)
    expect(removeButton()!.textContent?.trim()).toBe('减签')
    removeButton()!.click()
    await vi.waitFor(() => expect(document.querySelector('[data-test="remove-signer-reason"]')).not.toBeNull())
    const dialog = document.querySelector('[data-test="remove-signer-reason"]')!.closest('.el-dialog')!
    const labels = [...dialog.querySelectorAll('.el-form-item__label')].map((l) => l.textContent?.trim())
    expect(labels).toEqual(['要减去的加签人', '减签理由'])
    // The only added signer is chosen; the rule's approver is not offered.
    expect(dialog.textContent).toContain('部门负责人审批 · 孙档案')
    expect(dialog.textContent).not.toContain('卫主任')

    const submit = () => document.querySelector<HTMLButtonElement>('.el-dialog [data-test="form-submit"]')!.click()
    submit()
    await vi.waitFor(() => expect(document.body.textContent).toContain('请填写原因'))
    expect(sent.body).toBeNull()

    const reason = document.querySelector<HTMLTextAreaElement>('textarea[data-test="remove-signer-reason"]')!
    reason.value = '无需档案室会签'
    reason.dispatchEvent(new Event('input'))
    await flushPromises()
    submit()
    await vi.waitFor(() => expect(document.querySelector('.el-message-box')).not.toBeNull())
    expect(document.querySelector('.el-message-box')!.textContent).toContain('确定减去该加签人吗')
    const ok = [...document.querySelectorAll<HTMLButtonElement>('.el-message-box button')].find((b) => b.textContent?.includes('确定'))
    ok!.click()
    await vi.waitFor(() => expect(sent.body).toEqual({ taskId: 'task-2', reason: '无需档案室会签', version: 3 }))
    await vi.waitFor(() => expect(document.body.textContent).toContain('已减签'))
    await vi.waitFor(() => expect(removeButton()).toBeNull())
    wrapper.unmount()
  })
})
