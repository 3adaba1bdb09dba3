import { describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { HttpResponse } from 'msw'
import { useAuthStore } from '@/stores/auth'
import { freshPinia, makeUser, mountAt, tokenOut } from '@/test/helpers'
import { http, server, useMockServer } from '@/test/server'
import type { DraftOut } from './drafts-api'
import { approval, leaveTemplate, TEMPLATE_ID } from './test-fixtures'

useMockServer()

const DRAFT_ID = '0193a5b2-0000-7000-8000-0000000000d1'

function draft(overrides: Partial<DraftOut> = {}): DraftOut {
  return {
    id: DRAFT_ID, templateId: TEMPLATE_ID, templateName: '请假', summary: '请假类型：事假',
    form: { leaveType: '事假' }, approvers: {}, attachments: [],
    createdAt: '2026-11-19T09:00:00Z', updatedAt: '2026-11-19T09:00:00Z', version: 1, ...overrides,
  }
}

async function open(path: string) {
  const pinia = freshPinia()
  useAuthStore().setSession(tokenOut('tok', makeUser({ permissions: ['approval.use'] })))
  const mounted = await mountAt(path, pinia)
  await flushPromises()
  await flushPromises()
  return mounted
}

describe('the drafts box', () => {
  it('lists my drafts and continues one on the new-request page', async () => {
    server.use(
      http.get('/api/v1/approval-drafts', () => HttpResponse.json([draft()])),
      http.get('/api/v1/approval-templates/{id}', () => HttpResponse.json(leaveTemplate())),
      http.get('/api/v1/approval-drafts/{id}', () => HttpResponse.json(draft())),
    )
    const { wrapper, router } = await open('/approvals/drafts')
    expect(wrapper.text()).toContain('草稿箱')
    expect(wrapper.text()).toContain('请假类型：事假')
    await wrapper.get('[data-test="draft-resume"]').trigger('click')
    // The new-request page is loaded lazily on first use: give it time on a busy machine.
    await vi.waitFor(() => expect(router.currentRoute.value.query.draft).toBe(DRAFT_ID), { timeout: 15000 })
    await vi.waitFor(() => expect(wrapper.find('[data-test="start-draft-note"]').exists()).toBe(true), { timeout: 15000 })
    wrapper.unmount()
  })

  it('deletes a draft only after confirmation, at the version shown', async () => {
    const deleted: (string | null)[] = []
    let list = [draft()]
    server.use(
      http.get('/api/v1/approval-drafts', () => HttpResponse.json(list)),
      http.delete('/api/v1/approval-drafts/{id}', ({ request }) => {
        deleted.push(request.headers.get('If-Match'))
        list = []
        return new HttpResponse(null, { status: 204 })
      }),
    )
    const { wrapper } = await open('/approvals/drafts')
    await wrapper.get('[data-test="draft-delete"]').trigger('click')
    await vi.waitFor(() => expect(document.querySelector('.el-message-box')).not.toBeNull())
    expect(document.querySelector('.el-message-box')!.textContent).toContain('确定删除“请假”草稿吗')
    expect(deleted).toEqual([])
    document.querySelector<HTMLButtonElement>('.el-message-box .el-button--primary')!.click()
    await vi.waitFor(() => expect(deleted).toEqual(['"1"']))
    await vi.waitFor(() => expect(wrapper.text()).toContain('暂无草稿'))
    wrapper.unmount()
  })
})

describe('存草稿 on the new-request page', () => {
  it('saves an incomplete form as a draft without submitting it', async () => {
    const saved: unknown[] = []
    let started = 0
    server.use(
      http.get('/api/v1/approval-templates/{id}', () => HttpResponse.json(leaveTemplate())),
      http.post('/api/v1/approval-drafts', async ({ request }) => {
        saved.push(await request.json())
        return HttpResponse.json(draft(), { status: 201 })
      }),
      http.post('/api/v1/approvals', () => {
        started++
        return HttpResponse.json(approval(), { status: 201 })
      }),
    )
    const { wrapper, router } = await open(`/approvals/new/${TEMPLATE_ID}`)
    expect(wrapper.get('[data-test="start-save-draft"]').text()).toBe('存草稿')
    await wrapper.get('[data-test="start-save-draft"]').trigger('click')
    await flushPromises()
    await flushPromises()
    expect(saved).toEqual([{ templateId: TEMPLATE_ID, form: {}, approvers: {} }])
    expect(started).toBe(0)
    expect(router.currentRoute.value.query.draft).toBe(DRAFT_ID)
    wrapper.unmount()
  })

  it('submits a continued draft through the draft, saving it first', async () => {
    const calls: string[] = []
    server.use(
      http.get('/api/v1/approval-templates/{id}', () => HttpResponse.json(leaveTemplate())),
      http.get('/api/v1/approval-drafts/{id}', () => HttpResponse.json(draft())),
      http.patch('/api/v1/approval-drafts/{id}', async ({ request }) => {
        const body = (await request.json()) as { version: number }
        calls.push(`patch v${body.version}`)
        return HttpResponse.json(draft({ version: 2 }))
      }),
      http.post('/api/v1/approval-drafts/{id}/submit', ({ request }) => {
        calls.push(`submit ${request.headers.get('If-Match')}`)
        return HttpResponse.json(approval(), { status: 201 })
      }),
      http.untyped.get('*/api/v1/approvals/*', () => HttpResponse.json(approval())),
    )
    const { wrapper } = await open(`/approvals/new/${TEMPLATE_ID}?draft=${DRAFT_ID}`)
    await wrapper.get('[data-test="start-submit"]').trigger('click')
    await vi.waitFor(() => expect(calls).toEqual(['patch v1', 'submit "2"']))
    wrapper.unmount()
  })
})
