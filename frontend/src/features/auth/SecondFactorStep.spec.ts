import { describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { HttpResponse } from 'msw'
import { makeUser, mountAt, problemResponse, tokenOut } from '@/test/helpers'
import { http, server, useMockServer } from '@/test/server'

useMockServer()

const CHALLENGE = 'xbm_0123'

function passwordNeedsSecondStep(): void {
  server.use(
    http.post('/api/v1/auth/login', () =>
      HttpResponse.json({ outcome: 'second_factor_required', mfaRequired: true, challenge: CHALLENGE, expiresIn: 300 }),
    ),
  )
}

async function settle(): Promise<void> {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 0))
  await flushPromises()
}

async function signIn(path = '/login?redirect=/profile') {
  const { wrapper, router } = await mountAt(path)
  await flushPromises()
  await wrapper.find('#login-username').setValue('anquan')
  await wrapper.find('#login-password').setValue('Good#2026x')
  await wrapper.find('form').trigger('submit')
  await settle()
  return { wrapper, router }
}

describe('the second sign-in step', () => {
  it('asks for the 6 digits after a correct password and then continues', async () => {
    passwordNeedsSecondStep()
    let sent: unknown = null
    server.use(
      http.post('/api/v1/auth/login/totp', async ({ request }) => {
        sent = await request.json()
        return HttpResponse.json(tokenOut('t2', makeUser()))
      }),
      http.get('/api/v1/me/totp', () =>
        HttpResponse.json({ enabled: true, pending: false, confirmedAt: null, recoveryCodesLeft: 10, required: false }),
      ),
    )
    const { wrapper, router } = await signIn()
    expect(wrapper.find('[data-test="second-factor"]').text()).toContain('两步验证')
    expect(wrapper.find('#login-password').exists()).toBe(false)
    await wrapper.find('#totp-code').setValue('287082')
    await wrapper.find('[data-test="second-factor"] form').trigger('submit')
    await settle()
    expect(sent).toEqual({ challenge: CHALLENGE, code: '287082', refreshTokenInCookie: true })
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('profile'), { timeout: 10000 })
    wrapper.unmount()
  })

  it('takes a recovery code through the 使用恢复码 link', async () => {
    passwordNeedsSecondStep()
    let sent: unknown = null
    server.use(
      http.post('/api/v1/auth/login/totp', async ({ request }) => {
        sent = await request.json()
        return HttpResponse.json(tokenOut('t2', makeUser()))
      }),
      http.get('/api/v1/me/totp', () =>
        HttpResponse.json({ enabled: true, pending: false, confirmedAt: null, recoveryCodesLeft: 9, required: false }),
      ),
    )
    const { wrapper } = await signIn()
    const link = wrapper.find('[data-test="toggle-recovery"]')
    expect(link.text()).toBe('使用恢复码')
    await link.trigger('click')
    await wrapper.find('#totp-recovery').setValue(' abcde-fghjk ')
    await wrapper.find('[data-test="second-factor"] form').trigger('submit')
    await settle()
    expect(sent).toEqual({ challenge: CHALLENGE, recoveryCode: 'abcde-fghjk', refreshTokenInCookie: true })
    wrapper.unmount()
  })

  it('shows a wrong code and refuses anything but six digits before sending', async () => {
    passwordNeedsSecondStep()
    const calls = vi.fn()
    server.use(
      http.post('/api/v1/auth/login/totp', () => {
        calls()
        return problemResponse(401, 'invalid_second_factor')
      }),
    )
    const { wrapper } = await signIn()
    await wrapper.find('#totp-code').setValue('12ab')
    await wrapper.find('[data-test="second-factor"] form').trigger('submit')
    await settle()
    expect(calls).not.toHaveBeenCalled()
    expect(wrapper.find('[data-test="second-factor-error"]').text()).toContain('请输入 6 位数字验证码')
    await wrapper.find('#totp-code').setValue('000000')
    await wrapper.find('[data-test="second-factor"] form').trigger('submit')
    await settle()
    expect(calls).toHaveBeenCalledOnce()
    expect(wrapper.find('[data-test="second-factor-error"]').text()).toContain('验证码或恢复码错误')
    wrapper.unmount()
  })

  it('goes back to the password when the challenge has expired', async () => {
    passwordNeedsSecondStep()
    server.use(http.post('/api/v1/auth/login/totp', () => problemResponse(401, 'mfa_challenge_invalid')))
    const { wrapper } = await signIn()
    await wrapper.find('#totp-code').setValue('123456')
    await wrapper.find('[data-test="second-factor"] form').trigger('submit')
    await settle()
    expect(wrapper.find('#login-password').exists()).toBe(true)
    expect(wrapper.find('[data-test="login-error"]').text()).toContain('登录验证已过期')
    wrapper.unmount()
  })
})
