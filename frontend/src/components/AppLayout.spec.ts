import { describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { HttpResponse } from 'msw'
import { useAuthStore } from '@/stores/auth'
import { freshPinia, makeUser, mountAt, tokenOut } from '@/test/helpers'
import { http, server, useMockServer } from '@/test/server'

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

  it('shows staff the calendar as a top-level entry but no admin entries', async () => {
    const pinia = freshPinia()
    useAuthStore().setSession(tokenOut('tok', makeUser()))
    const { wrapper } = await mountAt('/', pinia)
    await flushPromises()
    const items = wrapper.findAll('.xb-nav .el-menu-item').map((i) => i.text())
    expect(items).toEqual(['首页', '工作日历'])
    const menu = wrapper.find('.xb-nav').text()
    for (const entry of ['组织管理', '部门', '用户', '角色', 'API 密钥', '审计日志']) expect(menu).not.toContain(entry)
    wrapper.unmount()
  })

  it('opens the calendar without calendar.manage', async () => {
    const pinia = freshPinia()
    useAuthStore().setSession(tokenOut('tok', makeUser()))
    server.use(
      http.get('/api/v1/calendar/days', () =>
        HttpResponse.json({ timezone: 'Asia/Shanghai', schoolHours: '08:00-12:00', days: [] }),
      ),
      // The calendar page also asks which years are loaded (for its missing-year banner).
      http.get('/api/v1/calendar/years', () => HttpResponse.json({ years: [], missing: null })),
    )
    const { router, wrapper } = await mountAt('/calendar', pinia)
    await flushPromises()
    expect(router.currentRoute.value.name).toBe('calendar')
    expect(wrapper.find('[data-test="calendar"]').exists()).toBe(true)
    wrapper.unmount()
  })
})
