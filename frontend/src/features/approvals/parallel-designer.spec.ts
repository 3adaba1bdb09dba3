import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { ref } from 'vue'
import { createAppI18n, i18n } from '@/i18n'
import type { FormErrors } from '@/composables/useFormErrors'
import { describeCondition } from './condition-text'
import { fromSource, toSource } from './designer/condition-model'
import { emptyDraft, fromTemplate, toDefinition, newStep, type StepDraft } from './designer/draft'
import StepsEditor from './designer/StepsEditor.vue'
import { leaveTemplate } from './test-fixtures'

const zh = createAppI18n('zh-CN').global.t
const say = (source: string) => describeCondition(source, { fields: [], t: zh, locale: 'zh-CN' })

describe('conditions on the applicant', () => {
  it.each([
    ["applicant_department == '教务处'", '申请人属于教务处'],
    ["applicant_department != '教务处'", '申请人不属于教务处'],
    ["applicant_departments contains '教务处'", '申请人属于教务处（含下属部门）'],
    ["applicant_roles contains '校领导'", '申请人具有 校领导 角色'],
    ["applicant_position == '教研组长'", '申请人职务为教研组长'],
  ])('%s reads %s', (source, words) => {
    expect(say(source)).toBe(words)
  })

  it('can be built in the condition builder', () => {
    const model = fromSource("applicant_roles contains '校领导' and applicant_department == '教务处'", [])
    expect(model?.items).toHaveLength(2)
    expect(toSource(model!)).toBe("applicant_roles contains '校领导' and applicant_department == '教务处'")
  })
})

describe('parallel blocks in the designer', () => {
  it('send a block as named branches of steps, without a rule of its own, and read it back unchanged', () => {
    const draft = emptyDraft()
    draft.steps = [{ ...newStep(), name: '会审', branches: [
      { name: '财务', steps: [{ ...newStep(), name: '初审' }, { ...newStep(), name: '复核' }] },
      { name: '设备', steps: [{ ...newStep(), name: '审核', condition: 'amount >= 500000' }] },
    ] }]
    const def = toDefinition(draft)
    const block = def.steps[0] as unknown as Record<string, unknown>
    expect(block.rule).toBeUndefined()
    expect((block.branches as { name: string; steps: unknown[] }[]).map((b) => [b.name, b.steps.length])).toEqual([['财务', 2], ['设备', 1]])
    const tpl = { ...leaveTemplate(), definition: def }
    expect(toDefinition(fromTemplate(tpl))).toEqual(def)
  })

  it('adds a block of two branches, a branch and a step inside a branch, in Chinese', async () => {
    const steps = ref<StepDraft[]>([newStep()])
    const messages = ref<Record<string, string>>({ 'definition.steps[1].branches[0].name': '分支名称不能重复' })
    const errors = { fields: messages, field: (p: string) => messages.value[p] } as unknown as FormErrors
    const wrapper = mount(StepsEditor, {
      props: { modelValue: steps.value, 'onUpdate:modelValue': (v: StepDraft[]) => { steps.value = v; wrapper.setProps({ modelValue: v }) }, fields: [], errors },
      global: { plugins: [i18n, ElementPlus] },
    })
    await wrapper.get('[data-test="designer-add-block"]').trigger('click')
    await flushPromises()
    expect(steps.value).toHaveLength(2)
    expect(steps.value[1]!.branches.map((b) => b.name)).toEqual(['分支1', '分支2'])
    expect(wrapper.text()).toContain('并行分支')
    expect(wrapper.text()).toContain('汇聚')
    expect(wrapper.text()).toContain('分支名称不能重复')
    expect(wrapper.find('[data-test="designer-block"] [data-test="designer-add-block"]').exists()).toBe(false)
    await wrapper.get('[data-test="designer-add-branch"]').trigger('click')
    await flushPromises()
    expect(steps.value[1]!.branches).toHaveLength(3)
    await wrapper.get('[data-test="designer-add-step-definition.steps[1].branches[0].steps"]').trigger('click')
    await flushPromises()
    expect(steps.value[1]!.branches[0]!.steps).toHaveLength(2)
    wrapper.unmount()
  })
})

describe('a request with a parallel block', () => {
  it('shows each branch and its steps with their state in its progress', async () => {
    const { default: ProgressView } = await import('./ProgressView.vue')
    const { approval } = await import('./test-fixtures')
    const running = approval({
      steps: [{ index: 0, name: '会审', mode: 'or', status: 'current', branches: [
        { index: 0, name: '财务', status: 'passed', steps: [{ index: 0, name: '复核', status: 'passed' }] },
        { index: 1, name: '设备', status: 'current', steps: [{ index: 0, name: '设备审核', status: 'current' }] },
      ] }],
      tasks: [{ id: 't', stepIndex: 0, stepName: '设备 · 设备审核', branchIndex: 1, branchStep: 0, cycle: 1, assigneeId: 'u', assigneeName: '吴处长',
        kind: 'approve', origin: 'rule', status: 'pending', decidedBySystem: false, overdue: false, createdAt: '2026-11-23T01:00:00Z' }],
    })
    const wrapper = mount(ProgressView, { props: { approval: running }, global: { plugins: [i18n, ElementPlus] } })
    await flushPromises()
    expect(wrapper.get('[data-test="branch-0"]').text()).toContain('财务')
    expect(wrapper.get('[data-test="branch-0"]').text()).toContain('已通过')
    expect(wrapper.get('[data-test="branch-1"]').text()).toContain('设备审核（进行中）')
    expect(wrapper.get('[data-test="tasks"]').text()).toContain('设备 · 设备审核')
    wrapper.unmount()
  })
})
