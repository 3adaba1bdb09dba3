import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { HttpResponse } from 'msw'
import { useAuthStore } from '@/stores/auth'
import { freshPinia, makeUser, mountAt, tokenOut } from '@/test/helpers'
import { http, server, useMockServer } from '@/test/server'
import type { InboxCounts, InboxItem } from './api'
import { APPROVAL_ID, inboxItem, leaveTemplate } from './test-fixtures'

useMockServer()

const BY_BOX: Record<string, InboxItem[]> = {
  pending: [inboxItem({ overdue: true })],
  done: [inboxItem({ instanceId: 'x2', number: 'SP-2026-00002', title: '吕老师的报销', instanceStatus: 'approved', decidedAt: '2026-11-23T02:00:00Z' })],
  started: [],
  cc: [],
}

async function open() {
  const boxes: string[] = []
  server.use(
    http.get('/api/v1/approval-tasks/counts', () => HttpResponse.json({ pending: 3, done: 7, started: 0, ccUnread: 1 } satisfies InboxCounts)),
    http.get('/api/v1/approval-tasks', ({ request }) => {
      const box = new URL(request.url).searchParams.get('box') ?? ''
      boxes.push(box)
      const items = BY_BOX[box] ?? []
      return HttpResponse.json({ items, total: items.length, page: 1, pageSize: 20 })
    }),
    http.get('/api/v1/approval-templates', () => HttpResponse.json([leaveTemplate()])),
    http.get('/api/v1/approvals/{id}', () => new HttpResponse(null, { status: 404 })),
  )
  const pinia = freshPinia()
  useAuthStore().setSession(tokenOut('tok', makeUser({ permissions: ['approval.use'] })))
  const mounted = await mountAt('/approvals', pinia)
  await flushPromises()
  return { ...mounted, boxes }
}

const desktop = globalThis.matchMedia
afterEach(() => {
  globalThis.matchMedia = desktop
})

describe('ApprovalsPage', () => {
  it('shows the four tabs with the pending and unread counts, and overdue in words', async () => {
    const { wrapper, boxes } = await open()
    for (const label of ['待办', '已办', '我发起的', '抄送我的']) expect(wrapper.text()).toContain(label)
    expect(wrapper.find('[data-test="count-pending"]').text()).toBe('3')
    expect(wrapper.find('[data-test="count-cc"]').text()).toBe('1')
    expect(wrapper.find('[data-test="count-done"]').exists()).toBe(false)
    expect(boxes).toEqual(['pending'])
    expect(wrapper.text()).toContain('何老师的请假')
    expect(wrapper.find('[data-test="overdue"]').text()).toBe('已超时')
    wrapper.unmount()
  })

  it('loads the other box when its tab is chosen, and opens a request on click', async () => {
    const { wrapper, boxes, router } = await open()
    await wrapper.find('[data-test="tab-done"]').trigger('click')
    await vi.waitFor(() => expect(wrapper.text()).toContain('吕老师的报销'))
    expect(boxes).toContain('done')
    expect(wrapper.text()).toContain('已通过')
    expect(router.currentRoute.value.query.box).toBe('done')
    await wrapper.find('[data-test="tab-pending"]').trigger('click')
    await vi.waitFor(() => expect(wrapper.text()).toContain('何老师的请假'))
    await wrapper.find('[data-test="inbox-item-SP-2026-00001"]').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe(`/approvals/${APPROVAL_ID}`), { timeout: 15_000 })
    wrapper.unmount()
  })

  it('opens a request from a tap anywhere on its row', async () => {
    const { wrapper, router } = await open()
    await vi.waitFor(() => expect(wrapper.text()).toContain('何老师的请假'))
    const applicantCell = wrapper.findAll('.el-table__body tr td').find((td) => td.text() === '何老师')
    expect(applicantCell).toBeDefined()
    await applicantCell!.trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe(`/approvals/${APPROVAL_ID}`), { timeout: 15_000 })
    wrapper.unmount()
  })

  it('opens a request from a tap anywhere on its card on a phone', async () => {
    globalThis.matchMedia = (query: string) => ({ ...desktop(query), matches: query.includes('max-width: 767px') })
    const { wrapper, router } = await open()
    await vi.waitFor(() => expect(wrapper.find('[data-test="inbox-cards"]').text()).toContain('何老师的请假'))
    await wrapper.find('[data-test="inbox-item-SP-2026-00001"] .xb-card__meta').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe(`/approvals/${APPROVAL_ID}`), { timeout: 15_000 })
    wrapper.unmount()
  })
})
