import { setupServer } from 'msw/node'
import { http, HttpResponse } from 'msw'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { problemResponse } from './helpers'

/**
 * The msw server; by default nobody is signed in (the refresh cookie is missing), and the
 * personal page's two-step verification is off and not required.
 */
export const server = setupServer(
  http.post('*/api/v1/auth/refresh', () => problemResponse(401, 'unauthorized')),
  http.get('*/api/v1/me/totp', () =>
    HttpResponse.json({ enabled: false, pending: false, confirmedAt: null, recoveryCodesLeft: 0, required: false }),
  ),
  http.get('*/api/v1/site', () => HttpResponse.json({ demo: false })),
)

export function useMockServer(): void {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => server.resetHandlers())
  afterAll(() => server.close())
}
