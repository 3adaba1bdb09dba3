import { describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { HttpResponse } from 'msw'
import { useAuthStore } from '@/stores/auth'
import { freshPinia, makeUser, mountAt, tokenOut } from '@/test/helpers'
import { http, server, useMockServer } from '@/test/server'

useMockServer()

describe('AuditPage', () => {
  it('pages the log and shows the first broken id of a failed verify in words', async () => {
    let query: URLSearchParams | null = null
    server.use(
      http.get('/api/v1/audit-events', ({ request }) => {
        query = new URL(request.url).searchParams
        return HttpResponse.json({
          items: [
            { id: 7, occurredAt: '2026-01-01T00:00:00Z', actorKind: 'user', actorName: 'admin', action: 'user.create', entity: 'user', entityId: 'u1', prevHash: 'a', hash: 'b', before: null, after: { name: '张三' } },
          ],
          total: 1,
          page: 1,
          pageSize: 20,
        })
      }),
      http.get('/api/v1/audit-events/verify', () => HttpResponse.json({ ok: false, checked: 41, firstBrokenId: 42 })),
    )
    const pinia = freshPinia()
    useAuthStore().setSession(tokenOut('tok', makeUser({ permissions: ['audit.read'] })))
    const { wrapper } = await mountAt('/admin/audit', pinia)
    await flushPromises()
    expect(query!.get('page')).toBe('1')
    expect(query!.get('pageSize')).toBe('20')
    expect(wrapper.text()).toContain('user.create')
    await wrapper.find('[data-test="verify"]').trigger('click')
    await flushPromises()
    const result = wrapper.find('[data-test="verify-result"]')
    expect(result.text()).toContain('完整性校验未通过')
    expect(result.text()).toContain('42')
    wrapper.unmount()
  })
})
