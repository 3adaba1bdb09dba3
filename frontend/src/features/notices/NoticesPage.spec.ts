import { describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { HttpResponse } from 'msw'
import { useAuthStore } from '@/stores/auth'
import { freshPinia, makeUser, mountAt, tokenOut } from '@/test/helpers'
import { http, server, useMockServer } from '@/test/server'
import { notice } from './test-fixtures'

useMockServer()

const pinned = notice({ id: '0193a5b2-0000-7000-8000-0000000000e2', title: '关于召开第三周全体教职工例会的通知', pinned: true, readAt: '2026-12-02T01:00:00Z', actions: [] })
const unread = notice()
const draft = notice({ id: '0193a5b2-0000-7000-8000-0000000000e3', title: '关于报送办公用品需求的通知', status: 'draft', publishedAt: null, actions: ['edit', 'pin', 'publish'] })

async function openAs(permissions: string[], items = [pinned, unread]) {
  const queries: Record<string, string>[] = []
  server.use(
    http.get('/api/v1/notices', ({ request }) => {
      queries.push(Object.fromEntries(new URL(request.url).searchParams))
      return HttpResponse.json({ items, total: items.length, page: 1, pageSize: 20 })
    }),
  )
  const pinia = freshPinia()
  useAuthStore().setSession(tokenOut('tok', makeUser({ permissions })))
  const { wrapper, router } = await mountAt('/notices', pinia)
  await flushPromises()
  return { wrapper, router, queries }
}

describe('NoticesPage', () => {
  it('shows a reader the notices with the pinned and unread marks, and filters by 未读', async () => {
    const { wrapper, queries } = await openAs(['notice.read'])
    const rows = wrapper.findAll('.el-table__body tr').map((r) => r.text())
    expect(rows[0]).toContain('置顶')
    expect(rows[0]).toContain('关于召开第三周全体教职工例会的通知')
    expect(rows[0]).not.toContain('未读')
    expect(rows[1]).toContain('第三周教学常规检查安排')
    expect(rows[1]).toContain('未读')
    expect(wrapper.find('[data-test="create"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="filter-status"]').exists()).toBe(false)

    await wrapper.find('[data-test="filter-read"] .el-select__wrapper').trigger('click')
    await flushPromises()
    const option = [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')].find((o) => o.textContent?.trim() === '未读')
    option!.click()
    await flushPromises()
    expect(queries.at(-1)).toMatchObject({ read: 'false', page: '1' })
    wrapper.unmount()
  })

  it('gives the office the status of every notice, a status filter and 新建通知', async () => {
    const { wrapper, router } = await openAs(['notice.read', 'notice.manage'], [pinned, draft])
    expect(wrapper.find('[data-test="filter-status"]').exists()).toBe(true)
    expect(wrapper.find('[data-test="filter-read"]').exists()).toBe(false)
    expect(wrapper.text()).toContain('草稿')
    expect(wrapper.text()).toContain('已发布')
    await wrapper.find('[data-test="create"]').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('notice-new'))
    wrapper.unmount()
  })
})
