import { setupServer } from 'msw/node'
import { HttpResponse } from 'msw'
import { createOpenApiHttp } from 'openapi-msw'
import { afterAll, afterEach, beforeAll } from 'vitest'
import type { paths } from '@/api/schema'
import { problemResponse } from './helpers'

/**
 * Request handlers typed by the OpenAPI `paths`: a path the API does not have, a wrong method or
 * a response body of the wrong shape is a type error in the spec. `http.untyped` is plain msw,
 * for wildcards. Paths are written as in the document (`/api/v1/approvals/{id}`), on any origin.
 */
export const http = createOpenApiHttp<paths>({ baseUrl: '*' })

/**
 * The msw server; by default nobody is signed in (the refresh cookie is missing), and the
 * personal page's two-step verification is off and not required.
 */
export const server = setupServer(
  http.post('/api/v1/auth/refresh', () => problemResponse(401, 'unauthorized')),
  http.get('/api/v1/me/totp', () =>
    HttpResponse.json({ enabled: false, pending: false, confirmedAt: null, recoveryCodesLeft: 0, required: false }),
  ),
  http.get('/api/v1/site', () => HttpResponse.json({ demo: false })),
)

export function useMockServer(): void {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => server.resetHandlers())
  afterAll(() => server.close())
}
