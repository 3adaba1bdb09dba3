import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { i18n } from '@/i18n'
import { ref } from 'vue'
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
})
