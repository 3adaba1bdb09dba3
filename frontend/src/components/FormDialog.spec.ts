import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h, reactive, ref } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import { ElFormItem, ElInput } from 'element-plus'
import { i18n } from '@/i18n'
import { useFormErrors, pathMatches } from '@/composables/useFormErrors'
import FormDialog from './FormDialog.vue'

const problem = {
  type: 'urn:xiaoban:problem:validation_failed',
  title: '提交的数据未通过校验',
  status: 422,
  code: 'validation_failed',
  requestId: 'r1',
  errors: { 'roles[0].roleCode': ['与已有角色冲突（三员分立）'], 'password.minLength': ['至少 8 位'], other: ['怪'] },
}

describe('pathMatches', () => {
  it('matches a prop, its members and its elements only', () => {
    expect(pathMatches('roles[0].roleCode', 'roles')).toBe(true)
    expect(pathMatches('password.minLength', 'password')).toBe(true)
    expect(pathMatches('passwordHint', 'password')).toBe(false)
  })
})

describe('FormDialog', () => {
  it('puts 422 field messages under the matching items and the general message on top', async () => {
    const Host = defineComponent({
      setup() {
        const errors = useFormErrors()
        const open = ref(true)
        const model = reactive({ roles: '', password: '' })
        const submit = () => Promise.reject(problem)
        return () =>
          h(
            FormDialog,
            { modelValue: open.value, 'onUpdate:modelValue': (v: boolean) => (open.value = v), title: 'T', model, errors, submit, fields: ['roles', 'password'] },
            () => [
              h(ElFormItem, { label: '角色', prop: 'roles', error: errors.field('roles'), 'data-test': 'roles-item' }, () => h(ElInput, { modelValue: model.roles })),
              h(ElFormItem, { label: '密码', prop: 'password', error: errors.field('password'), 'data-test': 'pw-item' }, () => h(ElInput, { modelValue: model.password })),
            ],
          )
      },
    })
    const wrapper = mount(Host, { global: { plugins: [i18n] }, attachTo: document.body })
    await flushPromises()
    ;(document.querySelector('[data-test="form-submit"]') as HTMLButtonElement).click()
    await flushPromises()
    const errorOf = (sel: string) => document.querySelector(`${sel} .el-form-item__error`)?.textContent?.trim()
    await vi.waitFor(() => expect(errorOf('[data-test="roles-item"]')).toBe('与已有角色冲突（三员分立）'))
    await vi.waitFor(() => expect(errorOf('[data-test="pw-item"]')).toBe('至少 8 位'))
    const general = document.querySelector('[data-test="form-general-error"]')?.textContent ?? ''
    expect(general).toContain('提交的数据未通过校验，请修改标注的字段')
    expect(general).toContain('other: 怪')
    wrapper.unmount()
  })
})
