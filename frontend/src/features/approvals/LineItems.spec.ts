import { describe, expect, it } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import { i18n } from '@/i18n'
import { useAuthStore } from '@/stores/auth'
import { freshPinia, makeUser, tokenOut } from '@/test/helpers'
import type { FieldDef, FormValues } from './api'
import FieldsEditor from './designer/FieldsEditor.vue'
import { computedSources } from './designer/computed-sources'
import { conditionFields } from './condition/fields'
import FormValuesView from './FormValuesView.vue'
import SchemaForm from './SchemaForm.vue'

/** The demo 报销 form: lines of item, date and amount, and a total summed from the amounts. */
const CLAIM: FieldDef[] = [
  {
    key: 'lines', label: '费用明细', kind: 'line_items', required: true, maxLength: 2,
    columns: [
      { key: 'item', label: '费用项目', kind: 'text', required: true },
      { key: 'date', label: '发生日期', kind: 'date' },
      { key: 'amount', label: '金额', kind: 'money', required: true },
    ],
  },
  { key: 'amount', label: '报销金额', kind: 'money', computedFrom: 'lines.amount' },
]

/** A cell's input, whether the control puts `data-test` on the input or on its wrapper. */
function cell(wrapper: ReturnType<typeof mount>, test: string) {
  return wrapper.find(`input[data-test="${test}"], [data-test="${test}"] input`)
}

function mountForm(values: FormValues, error?: (path: string) => string | undefined) {
  const pinia = freshPinia()
  useAuthStore().setSession(tokenOut('tok', makeUser({ permissions: ['approval.use'] })))
  const model = ref<FormValues>(values)
  const Host = defineComponent({
    setup: () => () =>
      h(SchemaForm, { fields: CLAIM, error, modelValue: model.value, 'onUpdate:modelValue': (v: FormValues) => (model.value = v) }),
  })
  return { wrapper: mount(Host, { global: { plugins: [pinia, i18n] }, attachTo: document.body }), model }
}

describe('line items on the new-request page', () => {
  it('adds rows up to the limit, totals the amounts in yuan, and never lets the total be typed', async () => {
    const { wrapper, model } = mountForm({ lines: null, amount: null })
    const add = wrapper.find('[data-test="lines-lines-add"]')
    expect(add.text()).toBe('添加一行')
    await add.trigger('click')
    await flushPromises()
    await cell(wrapper, 'line-0-item').setValue('火车票')
    const first = cell(wrapper, 'line-0-amount')
    await first.setValue('300.5')
    await first.trigger('blur')
    await wrapper.find('[data-test="lines-lines-add"]').trigger('click')
    await flushPromises()
    const second = cell(wrapper, 'line-1-amount')
    await second.setValue('200')
    await second.trigger('blur')
    await flushPromises()
    expect(model.value.lines).toEqual([{ item: '火车票', amount: 30050 }, { amount: 20000 }])
    const total = cell(wrapper, 'computed-amount')
    expect((total.element as HTMLInputElement).value).toBe('¥500.50')
    expect(total.attributes('disabled')).toBeDefined()
    expect(wrapper.find('[data-test="lines-lines-add"]').attributes('disabled')).toBeDefined()
    expect(wrapper.text()).toContain('第 2 行')

    await wrapper.find('[data-test="line-0-remove"]').trigger('click')
    expect(model.value.lines).toEqual([{ amount: 20000 }])
    wrapper.unmount()
  })

  it('shows a server error under the cell it names', async () => {
    const errors: Record<string, string> = { 'form.lines[0].amount': '请填写第 1 行的金额' }
    const { wrapper } = mountForm({ lines: [{ item: '住宿' }], amount: null }, (path) => errors[path])
    expect(wrapper.find('[data-test="line-0"]').text()).toContain('请填写第 1 行的金额')
    wrapper.unmount()
  })
})

describe('line items in the request view', () => {
  it('lists each line with its cells and money in yuan, and the total', () => {
    const values = { lines: [{ item: '火车票', date: '2026-11-20', amount: 30050 }, { item: '住宿', amount: 20000 }], amount: 50050 }
    const wrapper = mount(FormValuesView, { props: { fields: CLAIM, values }, global: { plugins: [i18n] } })
    const rows = wrapper.findAll('[data-test="value-lines"] tbody tr').map((r) => r.text())
    expect(rows).toEqual(['1火车票2026-11-20¥300.50', '2住宿—¥200.00'])
    expect(wrapper.find('[data-test="value-amount"]').text()).toBe('¥500.50')
    wrapper.unmount()
  })
})

describe('the designer', () => {
  it('offers what the server accepts: days of a period for numbers, sums of same-kind columns', () => {
    const fields: FieldDef[] = [
      ...CLAIM,
      { key: 'period', label: '请假时间', kind: 'date_range' },
      { key: 'days', label: '天数', kind: 'number' },
      { key: 'note', label: '说明', kind: 'text' },
    ]
    expect(computedSources(fields, fields[1]!).map((s) => s.value)).toEqual(['lines.amount'])
    expect(computedSources(fields, fields[3]!).map((s) => s.value)).toEqual(['period'])
    expect(computedSources(fields, fields[4]!)).toEqual([])
    // Conditions read the total, never the lines themselves.
    const formPaths = conditionFields(CLAIM).map((f) => f.path).filter((p) => !p.startsWith('applicant_'))
    expect(formPaths).toEqual(['amount'])
  })

  it('adds a line-items field with columns and sets a total computed from them', async () => {
    const fields = ref<FieldDef[]>([
      { key: 'lines', label: '明细', kind: 'line_items', columns: [] },
      { key: 'total', label: '合计', kind: 'money' },
    ])
    const Host = defineComponent({
      setup: () => () =>
        h(FieldsEditor, { modelValue: fields.value, error: () => undefined, 'onUpdate:modelValue': (v: FieldDef[]) => (fields.value = v) }),
    })
    const wrapper = mount(Host, { global: { plugins: [i18n] }, attachTo: document.body })
    await wrapper.find('[data-test="designer-add-column"]').trigger('click')
    const column = fields.value[0]!.columns![0]!
    expect(column).toEqual({ key: 'col1', label: '', kind: 'text', required: false })
    column.kind = 'money'
    column.key = 'amount'
    column.label = '金额'
    await flushPromises()
    const computed = wrapper.find('[data-test="designer-computed-1"]')
    expect(computed.exists()).toBe(true)
    wrapper.findAllComponents({ name: 'ElSelect' }).find((s) => s.attributes('data-test') === 'designer-computed-1')!.vm.$emit('update:modelValue', 'lines.amount')
    await flushPromises()
    expect(fields.value[1]!.computedFrom).toBe('lines.amount')
    wrapper.unmount()
  })
})
