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
  it('lists guides and manuals for a reader and filters them by kind and by category', async () => {
    const queries: Record<string, string>[] = []
    server.use(
      http.get('/api/v1/guides/categories', () => HttpResponse.json([{ category: '人事服务', count: 1 }, { category: '公文处理', count: 1 }])),
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

    await wrapper.find('[data-test="filter-category"] .el-select__wrapper').trigger('click')
    await flushPromises()
    const options = [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')].map((o) => o.textContent?.trim())
    expect(options).toContain('公文处理（1）')
    ;[...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')].find((o) => o.textContent?.trim() === '公文处理（1）')!.click()
    await flushPromises()
    expect(queries.at(-1)).toMatchObject({ kind: 'sop', category: '公文处理' })
    wrapper.unmount()
  })

  it('lets the office check a spreadsheet, see its bad rows, then import the drafts and reload', async () => {
    let lists = 0
    const dryRuns: string[] = []
    server.use(
      http.get('/api/v1/guides/categories', () => HttpResponse.json([])),
      http.get('/api/v1/guides', () => {
        lists += 1
        return HttpResponse.json({ items: [guide()], total: 1, page: 1, pageSize: 20 })
      }),
      http.post('/api/v1/guides/import', ({ request }) => {
        const dryRun = new URL(request.url).searchParams.get('dryRun') ?? ''
        dryRuns.push(dryRun)
        if (dryRun === 'true' && dryRuns.length === 1)
          return HttpResponse.json({ dryRun: true, rows: 2, toCreate: 1, created: [], errors: [{ line: 3, field: 'title', column: '标题', message: '文件中标题重复', messageEn: 'twice' }] })
        if (dryRun === 'true') return HttpResponse.json({ dryRun: true, rows: 2, toCreate: 2, created: [], errors: [] })
        return HttpResponse.json({ dryRun: false, rows: 2, toCreate: 2, created: ['a', 'b'], errors: [] })
      }),
    )
    const pinia = freshPinia()
    useAuthStore().setSession(tokenOut('tok', makeUser({ permissions: ['guide.read', 'guide.manage'] })))
    const { wrapper } = await mountAt('/guides', pinia)
    await flushPromises()
    await wrapper.get('[data-test="import"]').trigger('click')
    await flushPromises()
    const q = <T extends Element>(selector: string) => document.body.querySelector<T>(selector)
    const choose = async () => {
      const input = q<HTMLInputElement>('[data-test="import-file"]')!
      Object.defineProperty(input, 'files', { value: [new File(['x'], '指南.xlsx')], configurable: true })
      input.dispatchEvent(new Event('change'))
      await flushPromises()
      q<HTMLButtonElement>('[data-test="import-check"]')!.click()
      await flushPromises()
    }
    await choose()
    expect(q('[data-test="import-summary"]')?.textContent).toContain('共 2 行，将创建 1 份草稿')
    expect(q('[data-test="import-issues"]')?.textContent).toContain('文件中标题重复')
    expect(q('[data-test="import-commit"]')).toBeNull()
    await choose()
    q<HTMLButtonElement>('[data-test="import-commit"]')!.click()
    await flushPromises()
    expect(dryRuns).toEqual(['true', 'true', 'false'])
    expect(lists).toBe(2)
    wrapper.unmount()
  })
})
