import { describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { HttpResponse } from 'msw'
import { mountAt } from '@/test/helpers'
import { http, server, useMockServer } from '@/test/server'

useMockServer()

describe('PublicNoticesPage', () => {
  it('shows a visitor the public notices without signing in, pinned marked, opens one and searches', async () => {
    const queries: (string | null)[] = []
    server.use(
      http.get('/api/v1/public/notices', ({ request }) => {
        const q = new URL(request.url).searchParams.get('q')
        queries.push(q)
        const items = q
          ? []
          : [
              { id: '0193a5b2-0000-7000-8000-0000000000e2', title: '服务大厅元旦期间办公时间调整', body: '1 月 1 日休息，1 月 2 日起正常办公。', pinned: true, publishedAt: '2026-12-01T02:00:00Z' },
              { id: '0193a5b2-0000-7000-8000-0000000000e3', title: '新生档案材料受理说明', body: '请携带录取通知书。', pinned: false, publishedAt: '2026-11-28T02:00:00Z' },
            ]
        return HttpResponse.json({ items, total: items.length, page: 1, pageSize: 50 })
      }),
    )
    const { wrapper, router } = await mountAt('/public/notices')
    await flushPromises()
    expect(router.currentRoute.value.name).toBe('public-notices')
    const rows = wrapper.findAll('[data-test="public-notice"]')
    expect(rows).toHaveLength(2)
    const [pinned, plain] = [rows[0]!, rows[1]!]
    expect(pinned.text()).toContain('置顶')
    expect(plain.text()).not.toContain('置顶')
    expect(wrapper.find('[data-test="public-guides-link"]').attributes('href')).toBe('/public/guides')

    await pinned.get('button').trigger('click')
    expect(wrapper.get('[data-test="public-notice-body"]').text()).toContain('1 月 2 日起正常办公')

    await wrapper.get('input').setValue('档案')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(queries).toEqual([null, '档案'])
    expect(wrapper.text()).toContain('暂无公开的通知')
    wrapper.unmount()
  })
})
