import { describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { HttpResponse } from 'msw'
import { makeUser, mountAt, problemResponse, tokenOut } from '@/test/helpers'
import { http, server, useMockServer } from '@/test/server'

useMockServer()

describe('the enrolment-required screen', () => {
  it('takes over as soon as the API answers totp_enrolment_required and stays until set up', async () => {
    server.use(
      http.post('/api/v1/auth/refresh', () => HttpResponse.json(tokenOut('t1', makeUser({ username: 'admin' })))),
      http.get('/api/v1/me', () => HttpResponse.json(makeUser({ username: 'admin' }))),
      http.get('/api/v1/notifications/unread-count', () => problemResponse(403, 'totp_enrolment_required')),
      http.untyped.get('*/api/v1/*', () => problemResponse(403, 'totp_enrolment_required')),
      http.get('/api/v1/me/totp', () =>
        HttpResponse.json({ enabled: false, pending: false, confirmedAt: null, recoveryCodesLeft: 0, required: true }),
      ),
    )
    const { wrapper, router } = await mountAt('/')
    const { useAuthStore } = await import('@/stores/auth')
    const { api } = await import('@/api/client')
    await api.GET('/api/v1/users')
    expect(useAuthStore().mustEnrolTotp).toBe(true)
    await router.push('/calendar')
    await flushPromises()
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('totp-setup'), { timeout: 10000 })
    expect(router.currentRoute.value.query.redirect).toBe('/calendar')
    await flushPromises()
    expect(wrapper.find('[data-test="setup-hint"]').text()).toContain('完成设置之前')
    expect(wrapper.find('[data-test="totp-section"]').exists()).toBe(true)
    wrapper.unmount()
  })
})
