import { describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { HttpResponse } from 'msw'
import { useAuthStore } from '@/stores/auth'
import { freshPinia, makeUser, mountAt, problemResponse, tokenOut } from '@/test/helpers'
import { http, server, useMockServer } from '@/test/server'

useMockServer()

async function fillAndSubmit(newPassword: string) {
  const pinia = freshPinia()
  useAuthStore().setSession(tokenOut('tok', makeUser({ mustChangePassword: true })))
  const { wrapper, router } = await mountAt('/change-password?redirect=/profile', pinia)
  await flushPromises()
  expect(wrapper.find('[data-test="forced-hint"]').exists()).toBe(true)
  await wrapper.find('#cp-old').setValue('Initial#1')
  await wrapper.find('#cp-new').setValue(newPassword)
  await wrapper.find('#cp-confirm').setValue(newPassword)
  await wrapper.find('form').trigger('submit')
  await flushPromises()
  await new Promise((r) => setTimeout(r, 0))
  await flushPromises()
  return { wrapper, router }
}

describe('ChangePasswordPage', () => {
  it('shows the server field errors under the new-password field', async () => {
    server.use(
      http.post('/api/v1/me/password', () =>
        problemResponse(422, 'validation_failed', {
          title: '提交的数据未通过校验',
          detail: '请修改标注的字段后重新提交',
          errors: { newPassword: ['至少 8 个字符', '不能包含用户名'] },
        }),
      ),
    )
    const { wrapper } = await fillAndSubmit('zhangsan1')
    const item = wrapper.find('[data-test="new-password-item"]')
    // Element Plus shows a form item's error after a short debounce.
    await vi.waitFor(() => expect(item.find('.el-form-item__error').exists()).toBe(true))
    expect(item.find('.el-form-item__error').text()).toBe('至少 8 个字符；不能包含用户名')
    expect(wrapper.text()).toContain('提交的数据未通过校验，请修改标注的字段')
    wrapper.unmount()
  })

  it('stores the new session and continues', async () => {
    server.use(
      http.post('/api/v1/me/password', () => HttpResponse.json(tokenOut('after-change', makeUser()))),
    )
    const { wrapper, router } = await fillAndSubmit('Better#2026')
    expect(useAuthStore().accessToken).toBe('after-change')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('profile'), { timeout: 10000 })
    wrapper.unmount()
  })
})
