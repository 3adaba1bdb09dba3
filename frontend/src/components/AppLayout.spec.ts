import { describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { useAuthStore } from '@/stores/auth'
import { freshPinia, makeUser, mountAt, tokenOut } from '@/test/helpers'
import { useMockServer } from '@/test/server'

useMockServer()

describe('AppLayout', () => {
  it('builds the admin menu from permissions and greets the user on the home page', async () => {
    const pinia = freshPinia()
    useAuthStore().setSession(tokenOut('tok', makeUser({ permissions: ['department.read', 'audit.read'] })))
    const { wrapper } = await mountAt('/', pinia)
    await flushPromises()
    const text = wrapper.text()
    expect(text).toContain('组织管理')
    expect(text).toContain('部门')
    expect(text).toContain('审计日志')
    expect(text).not.toContain('API 密钥')
    expect(text).toContain('张三，您好')
    expect(text).toContain('教务处')
    wrapper.unmount()
  })

  it('hides the admin group without admin permissions', async () => {
    const pinia = freshPinia()
    useAuthStore().setSession(tokenOut('tok', makeUser()))
    const { wrapper } = await mountAt('/', pinia)
    await flushPromises()
    expect(wrapper.text()).not.toContain('组织管理')
    wrapper.unmount()
  })
})
