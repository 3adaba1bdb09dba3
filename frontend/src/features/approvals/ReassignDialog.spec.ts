import { describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { HttpResponse } from 'msw'
import { useAuthStore } from '@/stores/auth'
import { freshPinia, makeUser, mountAt, tokenOut } from '@/test/helpers'
import { http, server, useMockServer } from '@/test/server'
import type { ApprovalOut } from './api'
import PersonPicker from '@/components/PersonPicker.vue'
import { approval, APPROVAL_ID, leaveTemplate } from './test-fixtures'

useMockServer()

async function open(first: ApprovalOut, sent: { body: unknown }) {
  server.use(
    http.get('/api/v1/approvals/{id}', () => HttpResponse.json(first)),
    http.get('/api/v1/approval-templates/{id}', () => HttpResponse.json(leaveTemplate())),
    http.get('/api/v1/directory/people', () => HttpResponse.json([{ id: 'u-zhao', name: '赵专员', departmentName: '综合办公室' }])),
    http.post('/api/v1/approvals/{id}/reassign', async ({ request }) => {
      sent.body = await request.json()
      return HttpResponse.json(approval({
        actions: ['comment'],
        tasks: [{ ...first.tasks[0]!, id: 'task-2', assigneeId: 'u-zhao', assigneeName: '赵专员' }],
      }))
    }),
  )
  const pinia = freshPinia()
  useAuthStore().setSession(tokenOut('tok', makeUser({ permissions: ['approval.use', 'approval.admin'] })))
  const { wrapper } = await mountAt(`/approvals/${APPROVAL_ID}`, pinia)
  await flushPromises()
  return wrapper
}

const reassignButton = () => document.querySelector<HTMLButtonElement>('[data-test="action-reassign"]')

describe('ReassignDialog', () => {
  it('is offered only when the server lists reassign', async () => {
    const sent = { body: null as unknown }
    const wrapper = await open(approval(), sent)
    expect(reassignButton()).toBeNull()
    wrapper.unmount()
  })

  it('asks which task, to whom and why, confirms, and sends them with the version seen', async () => {
    const sent = { body: null as unknown }
    const wrapper = await open(approval({ actions: ['reassign', 'comment'] }), sent)
    reassignButton()!.click()
    await vi.waitFor(() => expect(document.querySelector('[data-test="reassign-reason"]')).not.toBeNull())
    const dialog = document.querySelector('[data-test="reassign-reason"]')!.closest('.el-dialog')!
    expect(dialog.querySelector('.el-dialog__title')?.textContent).toBe('改派待办')
    const labels = [...dialog.querySelectorAll('.el-form-item__label')].map((l) => l.textContent?.trim())
    expect(labels).toEqual(['要改派的待办', '改派给', '改派原因'])
    expect(dialog.textContent).toContain('部门负责人审批 · 卫主任')

    const submit = () => document.querySelector<HTMLButtonElement>('.el-dialog [data-test="form-submit"]')!.click()
    submit()
    await vi.waitFor(() => expect(document.body.textContent).toContain('请填写原因'))
    expect(sent.body).toBeNull()

    wrapper.findComponent(PersonPicker).vm.$emit('update:modelValue', 'u-zhao')
    const reason = document.querySelector<HTMLTextAreaElement>('textarea[data-test="reassign-reason"]')!
    reason.value = '卫主任出差一周'
    reason.dispatchEvent(new Event('input'))
    await flushPromises()
    submit()
    await vi.waitFor(() => expect(document.querySelector('.el-message-box')).not.toBeNull())
    expect(document.querySelector('.el-message-box')!.textContent).toContain('确定将该待办改派给所选人员吗')
    const ok = [...document.querySelectorAll<HTMLButtonElement>('.el-message-box button')].find((b) => b.textContent?.includes('确定'))
    ok!.click()
    await vi.waitFor(() => expect(sent.body).toEqual({ taskId: 'task-1', toUserId: 'u-zhao', reason: '卫主任出差一周', version: 3 }))
    await vi.waitFor(() => expect(document.body.textContent).toContain('已改派'))
    await vi.waitFor(() => expect(reassignButton()).toBeNull())
    wrapper.unmount()
  })
})
