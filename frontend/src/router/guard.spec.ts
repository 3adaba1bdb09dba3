import { describe, expect, it } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { HttpResponse } from 'msw'
import { createAppRouter, safeRedirect } from './index'
import { useAuthStore } from '@/stores/auth'
import { freshPinia, makeUser, tokenOut } from '@/test/helpers'
import { http, server, useMockServer } from '@/test/server'

useMockServer()

function signIn(user = makeUser()): void {
  useAuthStore().setSession(tokenOut('tok', user))
}

describe('router guard', () => {
  it('sends visitors to /login with the page as redirect', async () => {
    freshPinia()
    const router = createAppRouter(createMemoryHistory())
    await router.push('/profile')
    expect(router.currentRoute.value.name).toBe('login')
    expect(router.currentRoute.value.query.redirect).toBe('/profile')
  })

  it('restores a session from the refresh cookie before deciding', async () => {
    freshPinia()
    server.use(
      http.post('/api/v1/auth/refresh', () => HttpResponse.json(tokenOut('from-cookie'))),
      http.get('/api/v1/me', () => HttpResponse.json(makeUser({ name: '李四' }))),
    )
    const router = createAppRouter(createMemoryHistory())
    await router.push('/profile')
    expect(router.currentRoute.value.name).toBe('profile')
    expect(useAuthStore().user?.name).toBe('李四')
  })

  it('forces /change-password while the password must be changed', async () => {
    freshPinia()
    signIn(makeUser({ mustChangePassword: true }))
    const router = createAppRouter(createMemoryHistory())
    await router.push('/profile')
    expect(router.currentRoute.value.name).toBe('change-password')
    expect(router.currentRoute.value.query.redirect).toBe('/profile')
    await router.push('/login')
    expect(router.currentRoute.value.name).toBe('login')
  })

  it('lets a signed-in user in and keeps admin pages behind their permission', async () => {
    freshPinia()
    signIn(makeUser({ permissions: ['user.read'] }))
    const router = createAppRouter(createMemoryHistory())
    await router.push('/admin/users')
    expect(router.currentRoute.value.name).toBe('admin-users')
    await router.push('/admin/roles')
    expect(router.currentRoute.value.name).toBe('home')
  })

  it('only follows same-site redirects', () => {
    expect(safeRedirect('/profile')).toBe('/profile')
    expect(safeRedirect('//evil.example')).toBe('/')
    expect(safeRedirect('https://evil.example')).toBe('/')
    expect(safeRedirect(undefined)).toBe('/')
  })
})
