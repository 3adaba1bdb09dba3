import { describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { HttpResponse } from 'msw'
import { useAuthStore } from '@/stores/auth'
import { freshPinia, makeUser, mountAt, tokenOut } from '@/test/helpers'
import { http, server, useMockServer } from '@/test/server'
import { guide } from './test-fixtures'

useMockServer()

const manual = guide({ id: '0193a5b2-0000-7000-8000-0000000000c3', kind: 'sop', category: '公文处理', title: '发文流程', publishedVersion: 1 })

describe('GuidesPage', () => {
  it('lists guides and manuals for a reader and filters them by kind', async () => {
    const queries: Record<string, string>[] = []
    server.use(
      http.get('/api/v1/guides', ({ request }) => {
        const query = Object.fromEntries(new URL(request.url).searchParams)
        queries.push(query)
        const items = query.kind === 'sop' ? [manual] : [guide(), manual]
        return HttpResponse.json({ items, total: items.length, page: 1, pageSize: 20 })
      }),
    )
    const pinia = freshPinia()
    useAuthStore().setSession(tokenOut('tok', makeUser({ permissions: ['guide.read'] })))
    const { wrapper } = await mountAt('/guides', pinia)
    await flushPromises()
    const rows = wrapper.findAll('.el-table__body tr').map((r) => r.text())
    expect(rows[0]).toContain('新教职工入职办事指南')
    expect(rows[0]).toContain('办事指南')
    expect(rows[0]).toContain('第 2 版')
    expect(rows[1]).toContain('操作手册')
    expect(wrapper.find('[data-test="create"]').exists()).toBe(false)
    expect(wrapper.text()).not.toContain('已发布')

    await wrapper.find('[data-test="filter-kind"] .el-select__wrapper').trigger('click')
    await flushPromises()
    ;[...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')].find((o) => o.textContent?.trim() === '操作手册')!.click()
    await flushPromises()
    expect(queries.at(-1)).toMatchObject({ kind: 'sop', page: '1' })
    expect(wrapper.findAll('.el-table__body tr')).toHaveLength(1)
    wrapper.unmount()
  })
})
