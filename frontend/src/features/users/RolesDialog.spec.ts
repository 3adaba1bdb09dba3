import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { i18n } from '@/i18n'
import { makeUser } from '@/test/helpers'
import type { RoleOut } from './api'
import RolesDialog from './RolesDialog.vue'

function role(code: string, name: string, grantedOnServer: boolean): RoleOut {
  return {
    id: `0193a5b2-0000-7000-8000-0000000${code.length}0r1`,
    code,
    name,
    description: '',
    builtin: true,
    permissions: [],
    holderCount: 0,
    grantedOnServer,
    version: 1,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  }
}

describe('RolesDialog', () => {
  it('offers no administrator role and says they are granted on the server', async () => {
    const roles = [role('staff', '教职工', false), role('secadmin', '安全管理员', true), role('auditor', '审计管理员', true)]
    const wrapper = mount(RolesDialog, {
      props: { modelValue: true, user: makeUser(), roles, tree: [] },
      global: { plugins: [i18n, ElementPlus] },
      attachTo: document.body,
    })
    await flushPromises()
    ;(document.querySelector('#r-role') as HTMLElement).click()
    await flushPromises()
    const options = [...document.querySelectorAll('.el-select-dropdown__item')].map((o) => o.textContent?.trim())
    expect(options).toEqual(['教职工（staff）'])
    expect(document.querySelector('[data-test="server-only-hint"]')?.textContent).toContain('xiaoban admin grant-role')
    wrapper.unmount()
  })
})
