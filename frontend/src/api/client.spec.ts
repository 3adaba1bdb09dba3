import { beforeEach, describe, expect, it, vi } from 'vitest'
import { HttpResponse } from 'msw'
import { api, setSessionExpiredHandler } from './client'
import { setSessionSource, type SessionSource, type TokenOut } from './session'
import clientSource from './client.ts?raw'
import { storeSessionSource } from '@/stores/session-source'
import { useAuthStore } from '@/stores/auth'
import { freshPinia, makeUser, problemResponse, tokenOut } from '@/test/helpers'
import { http, server, useMockServer } from '@/test/server'

useMockServer()

describe('api client auth middleware', () => {
  beforeEach(() => {
    freshPinia()
  })

  it('sends the bearer token from the store', async () => {
    useAuthStore().setSession(tokenOut('tok-1'))
    let seen: string | null = null
    server.use(
      http.get('/api/v1/me', ({ request }) => {
        seen = request.headers.get('Authorization')
        return HttpResponse.json(makeUser())
      }),
    )
    const { data } = await api.GET('/api/v1/me')
    expect(data?.name).toBe('张三')
    expect(seen).toBe('Bearer tok-1')
  })

  it('refreshes once for two concurrent 401s and retries both', async () => {
    useAuthStore().setSession(tokenOut('expired'))
    let refreshes = 0
    let credentials: string | null = null
    const refreshBodies: unknown[] = []
    server.use(
      http.post('/api/v1/auth/refresh', async ({ request }) => {
        refreshes += 1
        credentials = request.credentials
        refreshBodies.push(await request.json())
        await new Promise((r) => setTimeout(r, 20))
        return HttpResponse.json(tokenOut('fresh'))
      }),
      http.get('/api/v1/me', ({ request }) =>
        request.headers.get('Authorization') === 'Bearer fresh'
          ? HttpResponse.json(makeUser())
          : problemResponse(401, 'unauthorized'),
      ),
      http.get('/api/v1/permissions', ({ request }) =>
        request.headers.get('Authorization') === 'Bearer fresh'
          ? HttpResponse.json([])
          : problemResponse(401, 'unauthorized'),
      ),
    )
    const [me, perms] = await Promise.all([api.GET('/api/v1/me'), api.GET('/api/v1/permissions')])
    expect(refreshes).toBe(1)
    expect(refreshBodies).toEqual([{ refreshTokenInCookie: true }])
    expect(credentials).toBe('same-origin')
    expect(me.response.status).toBe(200)
    expect(me.data?.username).toBe('zhangsan')
    expect(perms.response.status).toBe(200)
    expect(useAuthStore().accessToken).toBe('fresh')
  })

  it('clears the session and reports expiry when the refresh fails', async () => {
    const auth = useAuthStore()
    auth.setSession(tokenOut('expired'))
    const expired = vi.fn()
    setSessionExpiredHandler(expired)
    server.use(http.get('/api/v1/me', () => problemResponse(401, 'unauthorized')))
    const { error, response } = await api.GET('/api/v1/me')
    expect(response.status).toBe(401)
    expect(error?.code).toBe('unauthorized')
    expect(auth.accessToken).toBeNull()
    expect(auth.user).toBeNull()
    expect(expired).toHaveBeenCalledOnce()
    setSessionExpiredHandler(() => undefined)
  })

  it('does not refresh on a 401 from /auth/login', async () => {
    let refreshes = 0
    server.use(
      http.post('/api/v1/auth/refresh', () => {
        refreshes += 1
        return problemResponse(401, 'unauthorized')
      }),
      http.post('/api/v1/auth/login', () => problemResponse(401, 'invalid_credentials')),
    )
    const { error } = await api.POST('/api/v1/auth/login', { body: { username: 'a', password: 'b' } })
    expect(error?.code).toBe('invalid_credentials')
    expect(refreshes).toBe(0)
  })

  it('reads and keeps the session through the source it is given, without any store', async () => {
    const kept: TokenOut[] = []
    const source: SessionSource = {
      accessToken: () => kept.at(-1)?.accessToken ?? 'stale',
      language: () => 'en',
      keep: (session) => kept.push(session),
      clear: () => undefined,
      requireTotpEnrolment: () => undefined,
    }
    setSessionSource(source)
    const seen: (string | null)[] = []
    server.use(
      http.post('/api/v1/auth/refresh', () => HttpResponse.json(tokenOut('renewed'))),
      http.get('/api/v1/me', ({ request }) => {
        seen.push(`${request.headers.get('Authorization')} ${request.headers.get('Accept-Language')}`)
        return request.headers.get('Authorization') === 'Bearer renewed'
          ? HttpResponse.json(makeUser())
          : problemResponse(401, 'unauthorized')
      }),
    )
    try {
      const { response } = await api.GET('/api/v1/me')
      expect(response.status).toBe(200)
      expect(seen).toEqual(['Bearer stale en', 'Bearer renewed en'])
      expect(kept.map((s) => s.accessToken)).toEqual(['renewed'])
    } finally {
      setSessionSource(storeSessionSource)
    }
  })

  it('knows no store: the client and the auth store do not import each other', () => {
    expect(clientSource).not.toMatch(/from '@\/stores\//)
  })
})
