import { describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { HttpResponse } from 'msw'
import { useAuthStore } from '@/stores/auth'
import { freshPinia, makeUser, mountAt, tokenOut } from '@/test/helpers'
import { http, server, useMockServer } from '@/test/server'

useMockServer()

const listed = makeUser({
  id: '0193a5b2-0000-7000-8000-0000000000a2',
  username: 'lisi',
  name: '李四',
  phone: '138****1234',
  roles: [{ assignmentId: 'a1', code: 'staff', name: '教职工', scope: { kind: 'self' } }],
})

async function openAs(permissions: string[]) {
  server.use(
    http.get('/api/v1/users', () => HttpResponse.json({ items: [listed], total: 1, page: 1, pageSize: 20 })),
    http.get('/api/v1/departments', () => HttpResponse.json([])),
    http.get('/api/v1/roles', () => HttpResponse.json([])),
  )
  const pinia = freshPinia()
  useAuthStore().setSession(tokenOut('tok', makeUser({ permissions })))
  const { wrapper } = await mountAt('/admin/users', pinia)
  await flushPromises()
  await flushPromises()
  return wrapper
}

describe('UserListPage', () => {
  it('shows the phone masked as the server sent it, and no actions without permission', async () => {
    const wrapper = await openAs(['user.read'])
    expect(wrapper.text()).toContain('李四')
    expect(wrapper.find('[data-test="phone"]').text()).toBe('138****1234')
    expect(wrapper.text()).toContain('教职工')
    expect(wrapper.text()).toContain('启用')
    expect(wrapper.find('[data-test="create"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="import"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="more-lisi"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('shows the management buttons with the permissions', async () => {
    const wrapper = await openAs(['user.read', 'user.manage', 'user.import', 'user.reset_password'])
    expect(wrapper.find('[data-test="create"]').exists()).toBe(true)
    expect(wrapper.find('[data-test="import"]').exists()).toBe(true)
    expect(wrapper.find('[data-test="more-lisi"]').exists()).toBe(true)
    wrapper.unmount()
  })
})
