import { describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { HttpResponse } from 'msw'
import { makeUser, mountAt, problemResponse, tokenOut } from '@/test/helpers'
import { http, server, useMockServer } from '@/test/server'

useMockServer()

async function signInWith(path: string, username: string, password: string) {
  const { wrapper, router } = await mountAt(path)
  await flushPromises()
  await wrapper.find('#login-username').setValue(username)
  await wrapper.find('#login-password').setValue(password)
  await wrapper.find('form').trigger('submit')
  await flushPromises()
  await new Promise((r) => setTimeout(r, 0))
  await flushPromises()
  return { wrapper, router }
}

describe('LoginPage', () => {
  it('renders labelled fields in Chinese', async () => {
    const { wrapper } = await mountAt('/login')
    expect(wrapper.find('label[for="login-username"]').text()).toBe('用户名')
    expect(wrapper.find('label[for="login-password"]').text()).toBe('密码')
    wrapper.unmount()
  })

  it('shows the locked message with the minutes from the detail', async () => {
    server.use(
      http.post('/api/v1/auth/login', () =>
        problemResponse(403, 'account_locked', {
          title: '账号已临时锁定',
          detail: '密码连续输错次数过多，账号已锁定，请 12 分钟后再试，或联系安全管理员解锁',
        }),
      ),
    )
    const { wrapper } = await signInWith('/login', 'zhangsan', 'wrong')
    const alert = wrapper.find('[data-test="login-error"]')
    expect(alert.exists()).toBe(true)
    expect(alert.text()).toContain('账号已临时锁定')
    expect(alert.text()).toContain('12 分钟')
    wrapper.unmount()
  })

  it('shows the wrong-password message', async () => {
    server.use(
      http.post('/api/v1/auth/login', () =>
        problemResponse(401, 'invalid_credentials', { detail: '用户名或密码错误；连续输错 5 次将锁定 15 分钟' }),
      ),
    )
    const { wrapper } = await signInWith('/login', 'zhangsan', 'wrong')
    expect(wrapper.find('[data-test="login-error"]').text()).toContain('用户名或密码错误')
    wrapper.unmount()
  })

  it('continues to the redirect target after signing in', async () => {
    server.use(
      http.post('/api/v1/auth/login', async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>
        expect(body).toEqual({ username: 'zhangsan', password: 'Good#2026x', refreshTokenInCookie: true })
        return HttpResponse.json(tokenOut('t1', makeUser()))
      }),
    )
    const { wrapper, router } = await signInWith('/login?redirect=/profile', 'zhangsan', 'Good#2026x')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('profile'), { timeout: 10000 })
    wrapper.unmount()
  })
})
