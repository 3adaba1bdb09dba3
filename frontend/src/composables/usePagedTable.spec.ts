import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import { HttpResponse } from 'msw'
import { i18n } from '@/i18n'
import { makeUser, problemResponse } from '@/test/helpers'
import { http, server, useMockServer } from '@/test/server'
import PagedTable from '@/components/PagedTable.vue'
import { buildListQuery, usePagedTable, type ListQuery, type PageOut } from './usePagedTable'

useMockServer()

async function fetchUsers(query: ListQuery): Promise<PageOut<{ id: string; name: string }>> {
  const params = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))
  const response = await fetch(`/api/v1/users?${params}`)
  const body: unknown = await response.json()
  if (!response.ok) throw body
  return body as PageOut<{ id: string; name: string }>
}

function mountTable() {
  let table!: ReturnType<typeof usePagedTable<{ id: string; name: string }>>
  const Host = defineComponent({
    setup() {
      table = usePagedTable(fetchUsers, { sort: '-createdAt', filters: { status: 'active', roleCode: '' } })
      return () => h(PagedTable, { table })
    },
  })
  const wrapper = mount(Host, { global: { plugins: [i18n] }, attachTo: document.body })
  return { wrapper, table }
}

describe('buildListQuery', () => {
  it('leaves out blank q and empty filters', () => {
    expect(
      buildListQuery({ page: 2, pageSize: 50, sort: '-createdAt,title', q: '  ' }, { status: 'active', roleCode: '', x: null }),
    ).toEqual({ page: 2, pageSize: 50, sort: '-createdAt,title', status: 'active' })
  })
})

describe('usePagedTable', () => {
  it('sends page, pageSize, sort, q and filters, and resets to page 1 on a new search', async () => {
    const seen: URLSearchParams[] = []
    server.use(
      http.get('/api/v1/users', ({ request }) => {
        const params = new URL(request.url).searchParams
        seen.push(params)
        return HttpResponse.json({ items: [makeUser({ id: '1', name: '张三' })], total: 41, page: Number(params.get('page')), pageSize: 20 })
      }),
    )
    const { wrapper, table } = mountTable()
    await table.setPage(3)
    expect(Object.fromEntries(seen[0]!)).toEqual({ page: '3', pageSize: '20', sort: '-createdAt', status: 'active' })
    table.q = '王'
    table.filters.roleCode = 'staff'
    await table.search()
    expect(Object.fromEntries(seen[1]!)).toEqual({ page: '1', pageSize: '20', sort: '-createdAt', q: '王', status: 'active', roleCode: 'staff' })
    await table.setSort('name')
    expect(seen[2]!.get('sort')).toBe('name')
    expect(table.total).toBe(41)
    expect(table.items).toHaveLength(1)
    wrapper.unmount()
  })

  it('shows the problem message with a retry that reloads', async () => {
    let calls = 0
    server.use(
      http.get('/api/v1/users', () => {
        calls++
        return calls === 1
          ? problemResponse(403, 'forbidden', { detail: '缺少权限 user.read' })
          : HttpResponse.json({ items: [], total: 0, page: 1, pageSize: 20 })
      }),
    )
    const { wrapper, table } = mountTable()
    await table.load()
    await flushPromises()
    expect(table.errorMessage).toBe('没有权限执行此操作')
    expect(wrapper.text()).toContain('加载失败：没有权限执行此操作')
    await wrapper.find('[data-test="retry"]').trigger('click')
    await flushPromises()
    expect(calls).toBe(2)
    expect(table.errorMessage).toBeNull()
    expect(wrapper.text()).not.toContain('加载失败')
    wrapper.unmount()
  })
})
