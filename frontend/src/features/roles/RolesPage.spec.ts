import { describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { HttpResponse } from 'msw'
import { useAuthStore } from '@/stores/auth'
import { freshPinia, makeUser, mountAt, problemResponse, tokenOut } from '@/test/helpers'
import { http, server, useMockServer } from '@/test/server'

useMockServer()

const perms = [
  { code: 'user.read', group: 'user', name: '查看用户', nameEn: 'View users', duty: 'business' },
  { code: 'user.manage', group: 'user', name: '管理用户', nameEn: 'Manage users', duty: 'system' },
  { code: 'security.manage', group: 'security', name: '安全策略', nameEn: 'Security', duty: 'security' },
]
const role = {
  id: '0193a5b2-0000-7000-8000-0000000000r1',
  code: 'sysadmin',
  name: '系统管理员',
  description: '',
  builtin: true,
  permissions: ['user.manage'],
  holderCount: 1,
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  grantedOnServer: false,
}

describe('RolesPage', () => {
  it('lists roles and shows a duty conflict under the permissions field', async () => {
    server.use(
      http.get('/api/v1/roles', () => HttpResponse.json([role])),
      http.get('/api/v1/permissions', () => HttpResponse.json(perms)),
      http.post('/api/v1/roles', () =>
        problemResponse(422, 'validation_failed', { errors: { permissions: ['不能同时包含系统管理和安全保密权限'] } }),
      ),
    )
    const pinia = freshPinia()
    useAuthStore().setSession(tokenOut('tok', makeUser({ permissions: ['role.read', 'role.manage'] })))
    const { wrapper } = await mountAt('/admin/roles', pinia)
    await flushPromises()
    expect(wrapper.text()).toContain('系统管理员')
    expect(wrapper.text()).toContain('内置')
    await wrapper.find('[data-test="role-create"]').trigger('click')
    await flushPromises()
    const code = document.querySelector<HTMLInputElement>('#role-code')!
    code.value = 'mixed'
    code.dispatchEvent(new Event('input'))
    const name = document.querySelector<HTMLInputElement>('#role-name')!
    name.value = '混合'
    name.dispatchEvent(new Event('input'))
    for (const box of document.querySelectorAll<HTMLInputElement>('[data-test="permissions-item"] input[type="checkbox"]')) {
      if (box.value !== 'user.read') box.click()
    }
    await flushPromises()
    document.querySelector<HTMLButtonElement>('[data-test="role-save"]')!.click()
    await vi.waitFor(() => {
      const error = document.querySelector('[data-test="permissions-item"] .el-form-item__error')
      expect(error?.textContent).toContain('不能同时包含系统管理和安全保密权限')
    })
    wrapper.unmount()
  })
})
