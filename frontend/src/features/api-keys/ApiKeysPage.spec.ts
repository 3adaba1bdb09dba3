import { describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { HttpResponse } from 'msw'
import { useAuthStore } from '@/stores/auth'
import { freshPinia, makeUser, mountAt, tokenOut } from '@/test/helpers'
import { http, server, useMockServer } from '@/test/server'
import type { ApiKeyOut } from './api'

useMockServer()

const perms = [
  { code: 'user.read', group: 'user', name: '查看用户', nameEn: 'View users', duty: 'business' },
  { code: 'audit.read', group: 'audit', name: '查看审计', nameEn: 'Read audit', duty: 'audit' },
  { code: 'user.manage', group: 'user', name: '管理用户', nameEn: 'Manage users', duty: 'system' },
  { code: 'api_key.manage', group: 'api_key', name: '管理密钥', nameEn: 'Manage keys', duty: 'security' },
]

describe('ApiKeysPage', () => {
  it('offers only scopes the creator holds, never audit or key management, and shows the issued key once', async () => {
    let sent: unknown = null
    const keys: ApiKeyOut[] = []
    server.use(
      http.get('/api/v1/api-keys', () => HttpResponse.json(keys)),
      http.get('/api/v1/permissions', () => HttpResponse.json(perms)),
      http.post('/api/v1/api-keys', async ({ request }) => {
        sent = await request.json()
        const out = { id: '0193a5b2-0000-7000-8000-0000000000k1', name: '同步', prefix: 'abcd1234', scopes: ['user.read'], createdAt: '2026-01-01T00:00:00Z', expiresAt: null }
        keys.push({ ...out, lastUsedAt: null, revokedAt: null })
        return HttpResponse.json({ ...out, key: 'xb_abcd1234_SECRET' }, { status: 201 })
      }),
    )
    const pinia = freshPinia()
    useAuthStore().setSession(tokenOut('tok', makeUser({ permissions: ['api_key.manage', 'user.read', 'audit.read'] })))
    const { wrapper } = await mountAt('/admin/api-keys', pinia)
    await flushPromises()
    await wrapper.find('[data-test="key-create"]').trigger('click')
    await flushPromises()
    expect(document.body.textContent).toContain('查看用户')
    expect(document.body.textContent).not.toContain('查看审计')
    expect(document.querySelector('input[type="checkbox"][value="user.manage"]')).toBeNull()
    expect(document.querySelector('input[type="checkbox"][value="api_key.manage"]')).toBeNull()
    const name = document.querySelector<HTMLInputElement>('#key-name')!
    name.value = '同步'
    name.dispatchEvent(new Event('input'))
    document.querySelector<HTMLInputElement>('input[type="checkbox"][value="user.read"]')!.click()
    await flushPromises()
    document.querySelector<HTMLButtonElement>('[data-test="key-save"]')!.click()
    await vi.waitFor(() => {
      const input = document.querySelector<HTMLInputElement>("#issued-key")
      expect(input?.value).toBe('xb_abcd1234_SECRET')
    })
    expect(sent).toEqual({ name: '同步', scopes: ['user.read'], expiresAt: null })
    expect(document.body.textContent).toContain('唯一一次显示完整密钥')
    await vi.waitFor(() => expect(wrapper.text()).toContain('xb_abcd1234'))
    expect(wrapper.text()).not.toContain('SECRET')
    wrapper.unmount()
  })
})
