import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { i18n } from '@/i18n'
import { reactive, ref } from 'vue'
import type { FormErrors } from '@/composables/useFormErrors'
import { newStep, type StepDraft } from './draft'
import StepsEditor from './StepsEditor.vue'

describe('StepsEditor', () => {
  it('offers what happens when the approver is the applicant, in Chinese, defaulting to the superior', async () => {
    const steps: StepDraft[] = [newStep()]
    const messages = ref<Record<string, string>>({ 'definition.steps[0].applicantIsApprover': '只有后面还有一个不设条件、交给申请人上级的步骤时才能跳过' })
    const errors = { fields: messages, field: (p: string) => messages.value[p] } as unknown as FormErrors
    const wrapper = mount(StepsEditor, {
      props: { modelValue: steps, 'onUpdate:modelValue': () => {}, fields: [], errors },
      global: { plugins: [i18n, ElementPlus] },
      attachTo: document.body,
    })
    await flushPromises()
    expect(wrapper.text()).toContain('审批人是申请人本人时')
    expect(steps[0]!.applicantIsApprover).toBe('superior')
    ;(document.querySelector('[data-test="designer-self-0"]') as HTMLElement).click()
    await flushPromises()
    const options = [...document.querySelectorAll('.el-select-dropdown__item')].map((o) => o.textContent?.trim())
    expect(options).toEqual(expect.arrayContaining(['交给申请人的上级', '申请人本人确认', '跳过']))
    ;(([...document.querySelectorAll('.el-select-dropdown__item')] as HTMLElement[]).find((o) => o.textContent?.trim() === '跳过'))?.click()
    await flushPromises()
    expect(steps[0]!.applicantIsApprover).toBe('skip')
    expect(wrapper.text()).toContain('只有后面还有一个不设条件、交给申请人上级的步骤时才能跳过')
    wrapper.unmount()
  })

  it('sets each field to 可见/隐藏/可编辑/必填 per step, shows an unknown field\'s error, and switches the signature on', async () => {
    // Reactive like the page's draft, so the editor re-renders what it set.
    const steps = reactive<StepDraft[]>([newStep()])
    const messages = ref<Record<string, string>>({ 'definition.steps[0].fieldRights.accountCode': '“会计科目”由系统计算，审批人不能修改或填写' })
    const errors = { fields: messages, field: (p: string) => messages.value[p] } as unknown as FormErrors
    const fields = [
      { key: 'bankAccount', label: '银行账号', kind: 'text' as const, required: false },
      { key: 'accountCode', label: '会计科目', kind: 'text' as const, required: false },
    ]
    const wrapper = mount(StepsEditor, {
      props: { modelValue: steps, 'onUpdate:modelValue': () => {}, fields, errors },
      global: { plugins: [i18n, ElementPlus] },
      attachTo: document.body,
    })
    await flushPromises()
    const rights = wrapper.find('[data-test="designer-rights-0"]')
    expect(rights.text()).toContain('银行账号')
    expect(rights.text()).toContain('可见隐藏可编辑必填')
    const choose = async (key: string, label: string) => {
      const group = wrapper.find(`[data-test="designer-right-0-${key}"]`)
      const radio = group.findAll('label').find((l) => l.text() === label)!
      await radio.find('input').setValue(true)
      await flushPromises()
    }
    await choose('bankAccount', '隐藏')
    await choose('accountCode', '必填')
    expect(steps[0]!.fieldRights).toEqual({ bankAccount: 'hidden', accountCode: 'required' })
    await choose('bankAccount', '可见')
    expect(steps[0]!.fieldRights).toEqual({ accountCode: 'required' })
    expect(rights.text()).toContain('由系统计算')
    await wrapper.find('[data-test="designer-signature-0"]').trigger('click')
    expect(steps[0]!.signatureRequired).toBe(true)
    wrapper.unmount()
  })
})
