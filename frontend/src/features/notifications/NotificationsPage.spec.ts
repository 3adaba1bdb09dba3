import { describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { HttpResponse } from 'msw'
import type { components } from '@/api/schema'
import { useAuthStore } from '@/stores/auth'
import { freshPinia, makeUser, mountAt, tokenOut } from '@/test/helpers'
import { http, server, useMockServer } from '@/test/server'

useMockServer()

type NotificationOut = components['schemas']['NotificationOut']

const unread: NotificationOut = {
  id: '0193a5b2-0000-7000-8000-0000000000b1',
  kind: 'urged',
  title: '催办：请假申请',
  body: '请尽快处理',
  link: null,
  data: {},
  createdAt: '2026-01-01T00:00:00Z',
  readAt: null,
}
const read: NotificationOut = { ...unread, id: '0193a5b2-0000-7000-8000-0000000000b2', title: '抄送：会议纪要', readAt: '2026-01-02T00:00:00Z' }

describe('NotificationsPage', () => {
  it('filters unread ones, marks one read and all read', async () => {
    const queries: URLSearchParams[] = []
    const posted: string[] = []
    server.use(
      http.get('/api/v1/notifications/unread-count', () => HttpResponse.json({ count: 1 })),
      http.get('/api/v1/notifications', ({ request }) => {
        const query = new URL(request.url).searchParams
        queries.push(query)
        const items = query.get('unread') === 'true' ? [unread] : [unread, read]
        return HttpResponse.json({ items, total: items.length, page: 1, pageSize: 20 })
      }),
      http.post('/api/v1/notifications/{id}/read', ({ params }) => {
        posted.push(`read ${String(params.id)}`)
        return new HttpResponse(null, { status: 204 })
      }),
      http.post('/api/v1/notifications/read-all', () => {
        posted.push('read-all')
        return HttpResponse.json({ updated: 1 })
      }),
    )
    const pinia = freshPinia()
    useAuthStore().setSession(tokenOut('tok', makeUser({ permissions: ['notification.read'] })))
    const { wrapper } = await mountAt('/notifications', pinia)
    await flushPromises()
    expect(queries[0]!.get('unread')).toBeNull()
    expect(wrapper.text()).toContain('催办：请假申请')
    expect(wrapper.text()).toContain('抄送：会议纪要')
    expect(wrapper.text()).toContain('催办')

    await wrapper.find('[data-test="filter-unread"] input').setValue(true)
    await flushPromises()
    expect(queries.at(-1)!.get('unread')).toBe('true')
    expect(wrapper.text()).not.toContain('抄送：会议纪要')

    await wrapper.find('[data-test="mark-read"]').trigger('click')
    await flushPromises()
    expect(posted).toEqual([`read ${unread.id}`])

    await wrapper.find('[data-test="read-all"]').trigger('click')
    await flushPromises()
    expect(posted).toEqual([`read ${unread.id}`, 'read-all'])
    wrapper.unmount()
  })

  it('is listed in the menu for users who may read notifications', async () => {
    server.use(
      http.get('/api/v1/notifications/unread-count', () => HttpResponse.json({ count: 0 })),
    )
    const pinia = freshPinia()
    useAuthStore().setSession(tokenOut('tok', makeUser({ permissions: ['notification.read'] })))
    const { wrapper } = await mountAt('/', pinia)
    await flushPromises()
    expect(wrapper.find('.xb-nav').text()).toContain('通知')
    wrapper.unmount()
  })
})
