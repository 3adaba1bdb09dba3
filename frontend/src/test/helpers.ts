import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { createMemoryHistory, RouterView, type Router } from 'vue-router'
import { mount, type VueWrapper } from '@vue/test-utils'
import { defineComponent, h, type Component } from 'vue'
import { HttpResponse } from 'msw'
import type { components } from '@/api/schema'
import { i18n } from '@/i18n'
import { createAppRouter } from '@/router'

type UserOut = components['schemas']['UserOut']
type Problem = components['schemas']['Problem']

export function makeUser(overrides: Partial<UserOut> = {}): UserOut {
  return {
    id: '0193a5b2-0000-7000-8000-000000000001',
    username: 'zhangsan',
    name: '张三',
    status: 'active',
    clearance: 0,
    mustChangePassword: false,
    departments: [{ id: '0193a5b2-0000-7000-8000-0000000000d1', code: 'jwc', name: '教务处', primary: true }],
    roles: [],
    permissions: [],
    version: 1,
    ...overrides,
  }
}

export function tokenOut(accessToken: string, user: UserOut = makeUser()) {
  return { outcome: 'signed_in' as const, accessToken, expiresIn: 900, refreshToken: null, user }
}

/** An RFC 9457 problem response as the server sends it. */
export function problemResponse(status: number, code: string, extra: Partial<Problem> = {}): Response {
  const body: Problem = {
    type: `urn:xiaoban:problem:${code}`,
    title: code,
    status,
    code,
    requestId: '0193a5b2-7c1e-7d40-9a51-3f0c2b1e4d5a',
    ...extra,
  }
  return HttpResponse.json(body, { status, headers: { 'Content-Type': 'application/problem+json' } })
}

export function freshPinia(): Pinia {
  const pinia = createPinia()
  setActivePinia(pinia)
  return pinia
}

/** Mounts the app's router view at `path` with pinia, i18n and an in-memory router. */
export async function mountAt(path: string, pinia: Pinia = freshPinia()): Promise<{ wrapper: VueWrapper; router: Router }> {
  const router = createAppRouter(createMemoryHistory())
  const Root: Component = defineComponent({ render: () => h(RouterView) })
  await router.push(path)
  await router.isReady()
  const wrapper = mount(Root, { global: { plugins: [pinia, i18n, router] }, attachTo: document.body })
  return { wrapper, router }
}
