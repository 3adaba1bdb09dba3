// A client generated from the document by standard tools (openapi-typescript types, openapi-fetch),
// without the app's middleware, as an integrator would have it: a 409 keeps its problem body.
import createClient from 'openapi-fetch'
import { http, HttpResponse } from 'msw'
import { describe, expect, expectTypeOf, it } from 'vitest'
import doc from '../../../openapi/openapi.json'
import type { components, paths } from './schema'
import { server, useMockServer } from '@/test/server'

type Problem = components['schemas']['Problem']

useMockServer()

const userId = '0193a5b2-7c1e-7d40-9a51-3f0c2b1e4d5a'

describe('a client generated from openapi.json', () => {
  it('types and keeps the problem body of a 409, and sends the declared If-Match', async () => {
    const conflict = doc.components.responses.Conflict.content['application/problem+json'].example
    let ifMatch: string | null = null
    server.use(
      http.patch(`*/api/v1/users/${userId}`, ({ request }) => {
        ifMatch = request.headers.get('If-Match')
        return HttpResponse.json(conflict, {
          status: 409,
          headers: { 'Content-Type': 'application/problem+json' },
        })
      }),
    )
    const client = createClient<paths>({ baseUrl: 'http://localhost' })

    const { data, error, response } = await client.PATCH('/api/v1/users/{id}', {
      params: { path: { id: userId }, header: { 'If-Match': '"3"' } },
      body: { name: '李四' },
    })

    expectTypeOf(error).toEqualTypeOf<Problem | undefined>()
    expectTypeOf<NonNullable<typeof error>['code']>().toEqualTypeOf<string>()
    expectTypeOf<NonNullable<typeof error>['currentVersion']>().toEqualTypeOf<number | null | undefined>()
    expect(response.status).toBe(409)
    expect(data).toBeUndefined()
    expect(error?.code).toBe('version_conflict')
    expect(error?.currentVersion).toBe(4)
    expect(ifMatch).toBe('"3"')
  })

  it('declares ETag on a versioned read and Retry-After on a 429', () => {
    const getUser = doc.paths['/api/v1/users/{id}'].get.responses['200']
    expect(getUser.headers).toHaveProperty('ETag')
    const login = doc.paths['/api/v1/auth/login'].post.responses['429']
    expect(login.headers).toHaveProperty('Retry-After')
  })
})
