import { beforeEach, describe, expect, it } from 'vitest'
import { HttpResponse } from 'msw'
import { api } from '@/api/client'
import { freshPinia, makeUser } from './helpers'
import { http, server, useMockServer } from './server'

useMockServer()

describe('typed request mocks', () => {
  beforeEach(() => {
    freshPinia()
  })

  it('match the document path with its parameters on any origin', async () => {
    let seen = ''
    server.use(
      http.get('/api/v1/users/{id}', ({ params }) => {
        seen = String(params.id)
        return HttpResponse.json(makeUser({ id: String(params.id) }))
      }),
    )
    const { data } = await api.GET('/api/v1/users/{id}', { params: { path: { id: 'u-7' } } })
    expect(seen).toBe('u-7')
    expect(data?.id).toBe('u-7')
  })

  it('refuse, at type-check time, a path or a body the API does not have', () => {
    // vue-tsc fails this file if these lines stop being errors: the mocks follow the document.
    // @ts-expect-error an endpoint that does not exist (say, after a rename)
    const renamed = http.get('/api/v1/no-such-endpoint', () => HttpResponse.json({}))
    // @ts-expect-error a body of the wrong shape for the endpoint
    const wrongBody = http.get('/api/v1/me', () => HttpResponse.json({ username: 42 }))
    expect([renamed, wrongBody]).toHaveLength(2)
  })
})
