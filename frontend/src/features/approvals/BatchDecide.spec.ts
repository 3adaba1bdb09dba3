import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { HttpResponse } from 'msw'
import { useAuthStore } from '@/stores/auth'
import { freshPinia, makeUser, mountAt, tokenOut } from '@/test/helpers'
import { http, server, useMockServer } from '@/test/server'
import type { InboxItem } from './api'
import type { BatchDecisionOut } from './batch-api'
import { inboxItem, leaveTemplate } from './test-fixtures'

useMockServer()

const FIRST = '0193a5b2-0000-7000-8000-0000000000b1'
const SECOND = '0193a5b2-0000-7000-8000-0000000000b2'
const PENDING: InboxItem[] = [
  inboxItem({ instanceId: FIRST, number: 'SP-2026-00011', title: '何老师的请假' }),
  inboxItem({ instanceId: SECOND, number: 'SP-2026-00012', title: '吕老师的请假' }),
]

async function open(answer: BatchDecisionOut) {
  const sent: { path: string; body: unknown }[] = []
  let loads = 0
  server.use(
    http.get('/api/v1/approval-tasks/counts', () => HttpResponse.json({ pending: 2, done: 0, started: 0, ccUnread: 0 })),
    http.get('/api/v1/approval-tasks', () => {
      loads += 1
      return HttpResponse.json({ items: PENDING, total: PENDING.length, page: 1, pageSize: 20 })
    }),
    http.get('/api/v1/approval-templates', () => HttpResponse.json([leaveTemplate()])),
    http.untyped.post('*/api/v1/approvals/batch/:decision', async ({ request }) => {
      sent.push({ path: new URL(request.url).pathname, body: await request.json() })
      return HttpResponse.json(answer)
    }),
  )
  const pinia = freshPinia()
  useAuthStore().setSession(tokenOut('tok', makeUser({ permissions: ['approval.use'] })))
  const mounted = await mountAt('/approvals', pinia)
  await flushPromises()
  return { ...mounted, sent, loads: () => loads }
}

function dialogText(selector: string): string {
  return document.querySelector(`[data-test="${selector}"]`)?.textContent ?? ''
}

async function click(selector: string): Promise<void> {
  const el = document.querySelector<HTMLElement>(`[data-test="${selector}"]`)
  expect(el, selector).not.toBeNull()
  el!.click()
  await flushPromises()
}

const desktop = globalThis.matchMedia
afterEach(() => {
  globalThis.matchMedia = desktop
  document.body.innerHTML = ''
})

describe('批量审批 in 待办', () => {
  it('approves the chosen rows after confirming the count, then lists each failure and reloads', async () => {
    const answer: BatchDecisionOut = {
      results: [
        { id: FIRST, ok: true, status: 'approved' },
        { id: SECOND, ok: false, problem: { status: 409, code: 'conflict', detail: '该申请已由他人处理' } },
      ],
      succeeded: 1,
      failed: 1,
    }
    const { wrapper, sent, loads } = await open(answer)
    await vi.waitFor(() => expect(wrapper.text()).toContain('吕老师的请假'))
    expect(wrapper.find('[data-test="batch-approve"]').attributes('disabled')).toBeDefined()
    await wrapper.find('[data-test="select-SP-2026-00011"] input').setValue(true)
    await wrapper.find('[data-test="select-SP-2026-00012"] input').setValue(true)
    expect(wrapper.text()).toContain('已选 2 条')
    await wrapper.find('[data-test="batch-approve"]').trigger('click')
    await flushPromises()
    await vi.waitFor(() => expect(dialogText('batch-dialog')).toContain('确定同意选中的 2 条申请吗'))
    const before = loads()
    await click('batch-submit')
    await vi.waitFor(() => expect(dialogText('batch-summary')).toContain('成功 1 条，失败 1 条'))
    expect(sent).toEqual([{ path: '/api/v1/approvals/batch/approve', body: { items: [{ id: FIRST }, { id: SECOND }], comment: null } }])
    expect(dialogText(`batch-failure-${SECOND}`)).toContain('SP-2026-00012 吕老师的请假')
    expect(dialogText(`batch-failure-${SECOND}`)).toContain('该申请已由他人处理')
    expect(dialogText('batch-summary')).not.toContain('SP-2026-00011')
    await click('batch-summary-close')
    await vi.waitFor(() => expect(loads()).toBeGreaterThan(before))
    await vi.waitFor(() => expect(wrapper.text()).toContain('已选 0 条'))
    wrapper.unmount()
  })

  it('asks for the reason before rejecting the rows chosen on a phone', async () => {
    globalThis.matchMedia = (query: string) => ({ ...desktop(query), matches: query.includes('max-width: 767px') })
    const { wrapper, sent } = await open({ results: [{ id: FIRST, ok: true, status: 'rejected' }, { id: SECOND, ok: true, status: 'rejected' }], succeeded: 2, failed: 0 })
    await vi.waitFor(() => expect(wrapper.find('[data-test="inbox-cards"]').text()).toContain('吕老师的请假'))
    await wrapper.find('[data-test="select-page"] input').setValue(true)
    expect(wrapper.text()).toContain('已选 2 条')
    await wrapper.find('[data-test="batch-reject"]').trigger('click')
    await flushPromises()
    await click('batch-submit')
    await vi.waitFor(() => expect(dialogText('batch-dialog')).toContain('请填写原因'))
    expect(sent).toEqual([])
    const reason = document.querySelector<HTMLTextAreaElement>('textarea[data-test="batch-reason"], [data-test="batch-reason"] textarea')!
    reason.value = '材料不全'
    reason.dispatchEvent(new Event('input'))
    await flushPromises()
    await click('batch-submit')
    await vi.waitFor(() => expect(dialogText('batch-summary')).toContain('成功 2 条，失败 0 条'))
    expect(sent[0]).toEqual({ path: '/api/v1/approvals/batch/reject', body: { items: [{ id: FIRST }, { id: SECOND }], comment: '材料不全' } })
    wrapper.unmount()
  })
})
