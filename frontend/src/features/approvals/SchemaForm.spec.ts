import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import { HttpResponse } from 'msw'
import { i18n } from '@/i18n'
import { useAuthStore } from '@/stores/auth'
import { freshPinia, makeUser, mountAt, problemResponse, tokenOut } from '@/test/helpers'
import { http, server, useMockServer } from '@/test/server'
import type { FieldDef, FormValues } from './api'
import { fenToYuan, formatMoney, yuanToFen } from '@/components/money'
import SchemaForm from './SchemaForm.vue'
import { approval, APPROVAL_ID, leaveTemplate, TEMPLATE_ID } from './test-fixtures'

useMockServer()

const ALL_KINDS: FieldDef[] = [
  { key: 'a', label: '单行', kind: 'text', required: true, placeholder: '写点什么' },
  { key: 'b', label: '多行', kind: 'long_text', maxLength: 100 },
  { key: 'c', label: '数字', kind: 'number', min: 1, max: 9 },
  { key: 'd', label: '金额', kind: 'money' },
  { key: 'e', label: '日期', kind: 'date' },
  { key: 'f', label: '区间', kind: 'date_range' },
  { key: 'g', label: '单选', kind: 'select', options: ['甲', '乙'] },
  { key: 'h', label: '多选', kind: 'multi_select', options: ['甲', '乙'] },
  { key: 'i', label: '人员', kind: 'user' },
  { key: 'j', label: '部门', kind: 'department' },
  { key: 'k', label: '附件', kind: 'attachments', help: '可传多份' },
]

function mountForm(fields: FieldDef[], values: FormValues) {
  const pinia = freshPinia()
  useAuthStore().setSession(tokenOut('tok', makeUser({ permissions: ['approval.use'] })))
  const model = ref<FormValues>(values)
  const Host = defineComponent({
    setup: () => () => h(SchemaForm, { fields, modelValue: model.value, 'onUpdate:modelValue': (v: FormValues) => (model.value = v) }),
  })
  return { wrapper: mount(Host, { global: { plugins: [pinia, i18n] }, attachTo: document.body }), model }
}

describe('money', () => {
  it('converts yuan with two decimals to integer fen and back', () => {
    expect(yuanToFen(19.99)).toBe(1999)
    expect(yuanToFen(0.1 + 0.2)).toBe(30)
    expect(fenToYuan(123450)).toBe(1234.5)
    expect(yuanToFen(null)).toBeNull()
    expect(formatMoney(123450)).toBe('¥1,234.50')
  })
})

describe('SchemaForm', () => {
  it('shows a computed field read-only: the server counts the days from the period', async () => {
    const fields: FieldDef[] = [
      { key: 'period', label: '请假时间', kind: 'date_range', required: true },
      { key: 'days', label: '请假天数', kind: 'number', computedFrom: 'period' },
    ]
    const { wrapper } = mountForm(fields, {})
    await flushPromises()
    const days = wrapper.find('input[data-test="computed-days"]')
    expect((days.element as HTMLInputElement).disabled).toBe(true)
    expect(days.attributes('placeholder')).toBe('提交后按学校工作日历自动计算')
    wrapper.unmount()
  })

  it('lets a period whose days are counted start in the afternoon and end at noon, keeping the dates', async () => {
    const fields: FieldDef[] = [
      { key: 'period', label: '请假时间', kind: 'date_range', required: true },
      { key: 'days', label: '请假天数', kind: 'number', computedFrom: 'period' },
    ]
    const { wrapper, model } = mountForm(fields, { period: { start: '2026-11-23', end: '2026-11-24' } } as unknown as FormValues)
    await flushPromises()
    const choose = async (select: string, label: string) => {
      ;(document.querySelector(`[data-test="${select}"]`) as HTMLElement).click()
      await flushPromises()
      const item = ([...document.querySelectorAll('.el-select-dropdown__item')] as HTMLElement[]).find((o) => o.textContent?.trim() === label)
      item?.click()
      await flushPromises()
    }
    await choose('form-period-start-half', '下午开始')
    await choose('form-period-end-half', '上午结束')
    expect(model.value.period).toEqual({ start: '2026-11-23', end: '2026-11-24', startHalf: 'pm', endHalf: 'am' })
    wrapper.unmount()
  })

  it('offers no half days on a period nothing is counted from', async () => {
    const { wrapper } = mountForm([{ key: 'period', label: '区间', kind: 'date_range' }], {})
    await flushPromises()
    expect(wrapper.find('[data-test="form-period-start-half"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('renders every kind with its label, required mark, help and control', async () => {
    server.use(http.get('/api/v1/directory/departments', () => HttpResponse.json([])))
    const { wrapper } = mountForm(ALL_KINDS, {})
    await flushPromises()
    for (const f of ALL_KINDS) expect(wrapper.find(`[data-test="field-${f.key}"]`).text()).toContain(f.label)
    const item = (key: string) => wrapper.find(`[data-test="field-${key}"]`)
    expect(item('a').classes()).toContain('is-required')
    expect(item('b').classes()).not.toContain('is-required')
    expect(item('a').find('input').attributes('placeholder')).toBe('写点什么')
    expect(item('b').find('textarea').exists()).toBe(true)
    expect(item('c').find('.el-input-number').exists()).toBe(true)
    expect(item('d').find('[data-test="money-input"]').exists()).toBe(true)
    expect(item('e').find('.el-date-editor').exists()).toBe(true)
    expect(item('f').find('.el-range-editor').exists()).toBe(true)
    expect(item('g').find('.el-select').exists()).toBe(true)
    expect(item('h').find('.el-select').exists()).toBe(true)
    // People and departments come from the address book every participant may read.
    expect(item('i').find('[data-test="person-picker"]').exists()).toBe(true)
    expect(item('j').find('.el-tree-select, .el-select').exists()).toBe(true)
    expect(item('k').find('[data-test="attachments-input"]').text()).toContain('上传附件')
    expect(item('k').text()).toContain('可传多份')
    wrapper.unmount()
  })

  it('shows fen as yuan and turns what is typed in yuan into fen', async () => {
    const { wrapper, model } = mountForm([{ key: 'amount', label: '金额', kind: 'money' }], { amount: 123450 })
    await flushPromises()
    const input = wrapper.find('[data-test="field-amount"] input')
    expect((input.element as HTMLInputElement).value).toBe('1234.50')
    await input.setValue('88.8')
    await input.trigger('change')
    await flushPromises()
    expect(model.value.amount).toBe(8880)
    wrapper.unmount()
  })

  it('puts the server field errors of a start under the fields, sends a key, then opens the request', async () => {
    const keys: (string | null)[] = []
    let body: Record<string, unknown> = {}
    let fail = true
    server.use(
      http.get('/api/v1/approval-templates/{id}', () => HttpResponse.json(leaveTemplate())),
      http.get('/api/v1/approvals/{id}', () => HttpResponse.json(approval())),
      http.post('/api/v1/approvals', async ({ request }) => {
        keys.push(request.headers.get('Idempotency-Key'))
        body = (await request.json()) as Record<string, unknown>
        if (fail) {
          return problemResponse(422, 'validation_failed', {
            errors: { 'form.days': ['请填写请假天数'], 'approvers.1': ['请选择审批人'] },
          })
        }
        return HttpResponse.json(approval(), { status: 201 })
      }),
    )
    const pinia = freshPinia()
    useAuthStore().setSession(tokenOut('tok', makeUser({ permissions: ['approval.use'] })))
    const { wrapper, router } = await mountAt(`/approvals/new/${TEMPLATE_ID}`, pinia)
    await flushPromises()
    expect(wrapper.find('[data-test="steps-preview"]').text()).toContain('分管校领导审批')
    expect(wrapper.find('[data-test="step-condition-1"]').text()).toBe('（仅当请假天数大于 3 天时）')
    await wrapper.find('[data-test="field-reason"] textarea').setValue('家中有事')
    await wrapper.find('[data-test="start-submit"]').trigger('click')
    await flushPromises()
    const error = (sel: string) => wrapper.find(`${sel} .el-form-item__error`).text()
    await vi.waitFor(() => expect(error('[data-test="field-days"]')).toBe('请填写请假天数'))
    expect(wrapper.find('[data-test="field-reason"] .el-form-item__error').exists()).toBe(false)
    expect(wrapper.text()).toContain('请选择审批人')
    expect(body.form).toEqual({ reason: '家中有事' })
    expect(body.templateId).toBe(TEMPLATE_ID)
    fail = false
    await wrapper.find('[data-test="start-submit"]').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe(`/approvals/${APPROVAL_ID}`), { timeout: 15_000 })
    expect(keys[0]).toBeTruthy()
    // The 422 answer created nothing, so the next attempt is a new request with a new key.
    expect(keys[1]).toBeTruthy()
    expect(keys[1]).not.toBe(keys[0])
    wrapper.unmount()
  })
})
