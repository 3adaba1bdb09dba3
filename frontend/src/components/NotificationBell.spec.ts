import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { HttpResponse } from 'msw'
import type { components } from '@/api/schema'
import { useAuthStore } from '@/stores/auth'
import { freshPinia, makeUser, mountAt, tokenOut } from '@/test/helpers'
import { http, server, useMockServer } from '@/test/server'

useMockServer()

type NotificationOut = components['schemas']['NotificationOut']
type Page = components['schemas']['PageOut_NotificationOut']

const first: NotificationOut = {
  id: '0193a5b2-0000-7000-8000-0000000000a1',
  kind: 'task_assigned',
  title: '待审批：请假申请（王老师）',
  body: '王老师提交了请假申请，请审批',
  link: '/notifications',
  data: {},
  createdAt: new Date(Date.now() - 5 * 60_000).toISOString(),
  readAt: null,
}
const second: NotificationOut = {
  ...first,
  id: '0193a5b2-0000-7000-8000-0000000000a2',
  kind: 'decision',
  title: '您的申请已通过',
  readAt: '2026-01-01T00:00:00Z',
}

/** A fake inbox behind the notification endpoints; records what the bell asked for. */
function inbox(unread: number) {
  const calls = { counts: 0, listQuery: null as URLSearchParams | null, read: [] as string[], readAll: 0 }
  let count = unread
  server.use(
    http.get('/api/v1/notifications/unread-count', () => {
      calls.counts += 1
      return HttpResponse.json({ count })
    }),
    http.get('/api/v1/notifications', ({ request }) => {
      calls.listQuery = new URL(request.url).searchParams
      const body: Page = { items: [first, second], total: 2, page: 1, pageSize: 10 }
      return HttpResponse.json(body)
    }),
    http.post('/api/v1/notifications/{id}/read', ({ params }) => {
      calls.read.push(String(params.id))
      count = Math.max(0, count - 1)
      return new HttpResponse(null, { status: 204 })
    }),
    http.post('/api/v1/notifications/read-all', () => {
      calls.readAll += 1
      const updated = count
      count = 0
      return HttpResponse.json({ updated })
    }),
  )
  return calls
}

/** A first popover or page in a file loads its code, which takes seconds on a busy machine. */
const LOADING = { timeout: 15_000 }

/**
 * Opens the bell's popover. Element Plus opens it on a timer and the list is asked for then: wait
 * until the two notifications show, not for some milliseconds.
 */
async function openBell(wrapper: VueWrapper): Promise<void> {
  await wrapper.find('[data-test="bell"]').trigger('click')
  await vi.waitFor(() => expect(wrapper.findAll('[data-test="bell-item"]')).toHaveLength(2), LOADING)
}

// Unmounted even when a test fails, so no bell keeps listening for focus into the next test.
let mounted: VueWrapper | null = null
afterEach(() => {
  mounted?.unmount()
  mounted = null
})

async function signedIn(path = '/') {
  const pinia = freshPinia()
  useAuthStore().setSession(tokenOut('tok', makeUser({ permissions: ['notification.read'] })))
  const result = await mountAt(path, pinia)
  mounted = result.wrapper
  return result
}

describe('NotificationBell', () => {
  it('shows the unread count as a number and in its label', async () => {
    inbox(3)
    const { wrapper } = await signedIn()
    await flushPromises()
    const bell = wrapper.find('[data-test="bell"]')
    expect(bell.attributes('aria-label')).toBe('通知，3 条未读')
    expect(wrapper.find('[data-test="bell-count"]').text()).toContain('3')
  })

  it('lists the latest ten, marks a clicked one read and opens its link', async () => {
    const calls = inbox(1)
    const { wrapper, router } = await signedIn()
    await flushPromises()
    await openBell(wrapper)
    expect(calls.listQuery?.get('pageSize')).toBe('10')
    const items = wrapper.findAll('[data-test="bell-item"]')
    expect(items).toHaveLength(2)
    expect(items[0]!.text()).toContain('未读')
    expect(items[0]!.text()).toContain('待审批：请假申请（王老师）')
    expect(items[0]!.text()).toContain('5分钟前')
    expect(items[1]!.text()).not.toContain('未读')
    await items[0]!.trigger('click')
    await flushPromises()
    expect(calls.read).toEqual([first.id])
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/notifications'), LOADING)
    expect(wrapper.find('[data-test="bell"]').attributes('aria-label')).toBe('通知')
  })

  it('marks everything read at once', async () => {
    const calls = inbox(2)
    const { wrapper } = await signedIn()
    await flushPromises()
    await openBell(wrapper)
    await wrapper.find('[data-test="bell-read-all"]').trigger('click')
    await flushPromises()
    expect(calls.readAll).toBe(1)
    expect(wrapper.find('[data-test="bell"]').attributes('aria-label')).toBe('通知')
  })

  it('asks again when the window regains focus, and stops once signed out', async () => {
    const calls = inbox(1)
    await signedIn()
    await flushPromises()
    expect(calls.counts).toBe(1)
    window.dispatchEvent(new Event('focus'))
    await flushPromises()
    expect(calls.counts).toBe(2)
    useAuthStore().clearSession()
    await flushPromises()
    window.dispatchEvent(new Event('focus'))
    await flushPromises()
    expect(calls.counts).toBe(2)
  })

  it('is not shown to users without notification.read', async () => {
    const pinia = freshPinia()
    useAuthStore().setSession(tokenOut('tok', makeUser({ permissions: [] })))
    const { wrapper } = await mountAt('/', pinia)
    mounted = wrapper
    await flushPromises()
    expect(wrapper.find('[data-test="bell"]').exists()).toBe(false)
  })
})
