import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { HttpResponse } from 'msw'
import { freshPinia, problemResponse } from '@/test/helpers'
import { http, server, useMockServer } from '@/test/server'
import { i18n } from '@/i18n'
import type { components } from '@/api/schema'
import TotpSection from './TotpSection.vue'

useMockServer()

type Status = components['schemas']['TotpStatusOut']
const off: Status = { enabled: false, pending: false, confirmedAt: null, recoveryCodesLeft: 0, required: true }
const on: Status = { enabled: true, pending: false, confirmedAt: '2026-03-02T01:00:00Z', recoveryCodesLeft: 10, required: true }
const codes = Array.from({ length: 10 }, (_, i) => `code${i}-abcde`)

async function settle(): Promise<void> {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 0))
  await flushPromises()
}

function mountSection() {
  return mount(TotpSection, { global: { plugins: [freshPinia(), i18n] }, attachTo: document.body })
}

describe('TotpSection (两步验证)', () => {
  it('draws the QR code locally, shows the secret, and shows the recovery codes once after confirming', async () => {
    let state = off
    server.use(
      http.get('/api/v1/me/totp', () => HttpResponse.json(state)),
      http.post('/api/v1/me/totp/enrol', () =>
        HttpResponse.json({ secret: 'GEZDGNBVGY3TQOJQ', otpauthUri: 'otpauth://totp/%E6%A0%A1%E5%8A%9E:anquan?secret=GEZDGNBVGY3TQOJQ' }),
      ),
      http.post('/api/v1/me/totp/confirm', async ({ request }) => {
        expect(await request.json()).toEqual({ code: '287082' })
        state = on
        return HttpResponse.json({ recoveryCodes: codes })
      }),
    )
    const wrapper = mountSection()
    await settle()
    expect(wrapper.text()).toContain('您的角色要求开启两步验证')
    await wrapper.find('[data-test="totp-start"]').trigger('click')
    // The QR code is drawn asynchronously in the page.
    await vi.waitFor(() => expect(wrapper.find('#totp-confirm-code').exists()).toBe(true), { timeout: 5000 })
    expect(wrapper.find('[data-test="totp-qr"]').attributes('src')).toMatch(/^data:image\/png;base64,/)
    expect(wrapper.find('[data-test="totp-secret"]').text()).toBe('GEZDGNBVGY3TQOJQ')
    await wrapper.find('#totp-confirm-code').setValue('287082')
    await wrapper.find('form').trigger('submit')
    await settle()
    const shown = wrapper.find('[data-test="recovery-codes"]')
    expect(shown.findAll('li')).toHaveLength(10)
    expect(shown.text()).toContain('只显示这一次')
    await wrapper.find('[data-test="codes-done"]').trigger('click')
    await settle()
    expect(wrapper.find('[data-test="recovery-codes"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="totp-secret"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="totp-state"]').text()).toBe('已开启')
    expect(wrapper.emitted('enabled')).toHaveLength(1)
    wrapper.unmount()
  })

  it('shows a wrong first code on the code field', async () => {
    server.use(
      http.get('/api/v1/me/totp', () => HttpResponse.json(off)),
      http.post('/api/v1/me/totp/enrol', () => HttpResponse.json({ secret: 'GEZDGNBV', otpauthUri: 'otpauth://totp/x:y?secret=GEZDGNBV' })),
      http.post('/api/v1/me/totp/confirm', () =>
        problemResponse(422, 'validation_failed', { errors: { code: ['验证码不正确或已使用'] } }),
      ),
    )
    const wrapper = mountSection()
    await settle()
    await wrapper.find('[data-test="totp-start"]').trigger('click')
    // The QR code is drawn asynchronously in the page.
    await vi.waitFor(() => expect(wrapper.find('#totp-confirm-code').exists()).toBe(true), { timeout: 5000 })
    await wrapper.find('#totp-confirm-code').setValue('111111')
    await wrapper.find('form').trigger('submit')
    await settle()
    // Element Plus shows a form item's error after a short debounce.
    // Element Plus shows a form item's error after a short debounce.
    await vi.waitFor(() => expect(wrapper.find('.el-form-item__error').text()).toContain('验证码不正确或已使用'), {
      timeout: 5000,
    })
    expect(wrapper.find('[data-test="recovery-codes"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('turns it off with the current password and a code', async () => {
    let state = on
    let sent: unknown = null
    server.use(
      http.get('/api/v1/me/totp', () => HttpResponse.json(state)),
      http.delete('/api/v1/me/totp', async ({ request }) => {
        sent = await request.json()
        state = off
        return new HttpResponse(null, { status: 204 })
      }),
    )
    const wrapper = mountSection()
    await settle()
    expect(wrapper.find('[data-test="codes-left"]').text()).toContain('10')
    await wrapper.find('[data-test="totp-disable"]').trigger('click')
    await wrapper.find('#totp-password').setValue('Good#2026x')
    await wrapper.find('#totp-disable-code').setValue('123456')
    await wrapper.find('form').trigger('submit')
    await settle()
    expect(sent).toEqual({ currentPassword: 'Good#2026x', code: '123456' })
    expect(wrapper.find('[data-test="totp-state"]').text()).toBe('未开启')
    wrapper.unmount()
  })
})
