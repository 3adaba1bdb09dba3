import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { i18n } from '@/i18n'
import type { FieldDef } from '../api'
import ConditionBuilder from './ConditionBuilder.vue'

const fields: FieldDef[] = [
  { key: 'leaveType', label: '请假类型', kind: 'select', options: ['事假', '病假'] },
  { key: 'days', label: '请假天数', kind: 'number' },
  { key: 'amount', label: '金额', kind: 'money' },
]

let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
})

/** The builder bound to a condition, as a step of the designer binds it; `written` is what it stored. */
function builder(condition: string, form: FieldDef[] = fields) {
  const state = { written: [] as string[] }
  wrapper = mount(ConditionBuilder, {
    props: {
      modelValue: condition,
      fields: form,
      inputTest: 'raw',
      'onUpdate:modelValue': (v: string) => {
        state.written.push(v)
        void wrapper!.setProps({ modelValue: v })
      },
    },
    global: { plugins: [i18n] },
    attachTo: document.body,
  })
  return { w: wrapper, state }
}

const sentence = (w: VueWrapper) => w.find('[data-test="condition-sentence"]').text()
const last = (state: { written: string[] }) => state.written[state.written.length - 1]

/** Picks an option of the n-th select matching `selector` by its visible text, in that select's own list. */
async function pick(w: VueWrapper, selector: string, n: number, text: string): Promise<void> {
  const select = w.findAll(`${selector} .el-select__wrapper`)[n]
  if (!select) throw new Error(`no select ${n} of ${selector}`)
  await select.trigger('click')
  await flushPromises()
  const list = document.getElementById(select.find('input').attributes('aria-controls') ?? '')
  const item = [...(list?.querySelectorAll('.el-select-dropdown__item') ?? [])].find((el) => el.textContent?.trim() === text)
  if (!item) throw new Error(`no option ${text} in ${selector}`)
  ;(item as HTMLElement).click()
  await flushPromises()
}

describe('ConditionBuilder', () => {
  it('shows a stored condition as rows and in words, without rewriting it', async () => {
    const { w, state } = builder('days>3')
    await flushPromises()
    expect(w.findAll('[data-test="cond-clause"]')).toHaveLength(1)
    expect(w.find('[data-test="raw"]').exists()).toBe(false)
    expect(sentence(w)).toBe('请假天数大于 3 天')
    expect(state.written).toEqual([])
  })

  it('builds a condition from field, operator and a value in yuan, and says it live', async () => {
    const { w, state } = builder('')
    expect(sentence(w)).toBe('无条件，总是适用')
    await w.find('[data-test="cond-add"]').trigger('click')
    expect(w.find('[data-test="cond-unfinished"]').exists()).toBe(true)
    await pick(w, '[data-test="cond-field"]', 0, '金额')
    await pick(w, '[data-test="cond-op"]', 0, '不低于')
    const yuan = w.find('[data-test="money-input"] input')
    await yuan.setValue('5000')
    await yuan.trigger('blur')
    await flushPromises()
    expect(last(state)).toBe('amount >= 500000')
    expect(sentence(w)).toBe('金额不低于 5,000 元')
    expect(w.find('[data-test="cond-unfinished"]').exists()).toBe(false)
  })

  it('joins rows with 或 and a group, bracketed', async () => {
    const { w, state } = builder("days > 3 and leaveType == '事假'")
    await w.find('[data-test="cond-join"] input[value="or"]').setValue(true)
    expect(last(state)).toBe("days > 3 or leaveType == '事假'")
    await w.find('[data-test="cond-add-group"]').trigger('click')
    const group = '[data-test="cond-group"] [data-test="cond-field"]'
    await pick(w, group, 0, '请假天数')
    await pick(w, group, 1, '请假类型')
    await pick(w, '[data-test="cond-group"] [data-test="cond-op"]', 1, '为以下之一')
    await w.find('[data-test="cond-group"] [data-test="cond-value"] input').setValue('1')
    await w.find('[data-test="cond-group"] [data-test="cond-value"] input').trigger('blur')
    await pick(w, '[data-test="cond-group"] [data-test="cond-value"]', 0, '事假')
    await pick(w, '[data-test="cond-group"] [data-test="cond-value"]', 0, '病假')
    expect(last(state)).toBe("days > 3 or leaveType == '事假' or (days == 1 and leaveType in ['事假', '病假'])")
    expect(sentence(w)).toBe('请假天数大于 3 天 或 请假类型为事假 或（请假天数等于 1 天 且 请假类型为事假或病假）')
    await w.findAll('[data-test="cond-remove"]')[0]!.trigger('click')
    expect(last(state)).toBe("leaveType == '事假' or (days == 1 and leaveType in ['事假', '病假'])")
  })

  it('edits the expression as text in advanced mode and reads it back into rows', async () => {
    const { w, state } = builder('days > 3')
    await w.find('[data-test="cond-toggle"]').trigger('click')
    const raw = w.find('[data-test="raw"]')
    expect((raw.element as HTMLInputElement).value).toBe('days > 3')
    await raw.setValue('days > 3 || amount >= 1000000')
    expect(last(state)).toBe('days > 3 || amount >= 1000000')
    expect(sentence(w)).toBe('请假天数大于 3 天 或 金额不低于 10,000 元')
    await w.find('[data-test="cond-toggle"]').trigger('click')
    expect(w.findAll('[data-test="cond-clause"]')).toHaveLength(2)
    expect(w.find('[data-test="cond-join"] input[value="or"]').element).toHaveProperty('checked', true)
  })

  it('keeps what it cannot show as text, and says so when asked for rows', async () => {
    const { w, state } = builder('not (days > 3)')
    expect(w.find('[data-test="raw"]').exists()).toBe(true)
    expect(sentence(w)).toBe('非（请假天数大于 3 天）')
    await w.find('[data-test="cond-toggle"]').trigger('click')
    expect(w.find('[data-test="cond-cannot-show"]').exists()).toBe(true)
    expect(w.find('[data-test="raw"]').exists()).toBe(true)
    await w.find('[data-test="raw"]').setValue('days >>> 3')
    expect(sentence(w)).toBe('条件：days >>> 3')
    expect(w.find('[data-test="cond-cannot-show"]').exists()).toBe(false)
    expect(state.written).toEqual(['days >>> 3'])
  })

  it('offers rows on the applicant even before the form has fields', async () => {
    const { w } = builder('', [])
    expect(w.find('[data-test="cond-add"]').attributes('disabled')).toBeUndefined()
    await w.find('[data-test="cond-add"]').trigger('click')
    expect(w.findAll('[data-test="cond-clause"]')).toHaveLength(1)
  })
})
