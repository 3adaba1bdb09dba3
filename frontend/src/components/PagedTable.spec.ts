import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import { ElTableColumn } from 'element-plus'
import { i18n } from '@/i18n'
import { usePagedTable, type PageOut } from '@/composables/usePagedTable'
import PagedTable from './PagedTable.vue'

type Row = { id: string; name: string }
const desktop = globalThis.matchMedia

function widthIs(phone: boolean): void {
  globalThis.matchMedia = (query: string) => ({ ...desktop(query), matches: phone && query.includes('max-width: 767px') })
}

function mountList(withCards: boolean, rows: Row[] = [{ id: 'a', name: '张三' }, { id: 'b', name: '李四' }]) {
  const page: PageOut<Row> = { items: rows, total: 41, page: 1, pageSize: 20 }
  const Host = defineComponent({
    setup() {
      const table = usePagedTable<Row>(async () => page)
      void table.load()
      return () =>
        h(PagedTable<Row>, { table, label: '名单' }, {
          default: () => h(ElTableColumn, { prop: 'name', label: '姓名' }),
          ...(withCards ? { card: ({ row }: { row: Row }) => h('p', { class: 'card' }, `卡片 ${row.name}`) } : {}),
        })
    },
  })
  return mount(Host, { global: { plugins: [i18n] }, attachTo: document.body })
}

describe('PagedTable on a phone', () => {
  afterEach(() => {
    globalThis.matchMedia = desktop
  })

  it('shows one card per row from the #card slot, with the pager, instead of the table', async () => {
    widthIs(true)
    const wrapper = mountList(true)
    await flushPromises()
    expect(wrapper.findAll('.card').map((c) => c.text())).toEqual(['卡片 张三', '卡片 李四'])
    expect(wrapper.find('.el-table').exists()).toBe(false)
    expect(wrapper.find('.el-pagination').text()).toContain('41')
    wrapper.unmount()
  })

  it('keeps the table on a desktop, and on a phone when no card is given', async () => {
    widthIs(false)
    const wide = mountList(true)
    await flushPromises()
    expect(wide.find('.card').exists()).toBe(false)
    expect(wide.find('.el-table').exists()).toBe(true)
    wide.unmount()
    widthIs(true)
    const plain = mountList(false)
    await flushPromises()
    expect(plain.find('.el-table').exists()).toBe(true)
    plain.unmount()
  })

  it('says the list is empty on a phone too', async () => {
    widthIs(true)
    const wrapper = mountList(true, [])
    await flushPromises()
    expect(wrapper.text()).toContain('暂无数据')
    wrapper.unmount()
  })
})
