import createClient, { type Middleware } from 'openapi-fetch'
import type { components, paths } from './schema'
import { sessionSource, type TokenOut } from './session'

export type { TokenOut } from './session'
export type UserOut = components['schemas']['UserOut']

const REFRESH_PATH = '/api/v1/auth/refresh'
const NO_RETRY_PATHS = ['/api/v1/auth/login', '/api/v1/auth/login/totp', REFRESH_PATH]

let onSessionExpired: () => void = () => undefined

/** Called when the session is gone for good (refresh failed); main.ts routes to /login. */
export function setSessionExpiredHandler(handler: () => void): void {
  onSessionExpired = handler
}

let onTotpEnrolmentRequired: () => void = () => undefined

/** Called when the API answers 403 `totp_enrolment_required`; main.ts routes to the setup page. */
export function setTotpEnrolmentHandler(handler: () => void): void {
  onTotpEnrolmentRequired = handler
}

async function noticeTotpEnrolment(response: Response): Promise<void> {
  if (response.status !== 403) return
  const body = (await response.clone().json().catch(() => null)) as { code?: string } | null
  if (body?.code === 'totp_enrolment_required') {
    sessionSource().requireTotpEnrolment()
    onTotpEnrolmentRequired()
  }
}

let refreshing: Promise<string | null> | null = null

/**
 * Exchanges the httpOnly refresh cookie for a new access token. Concurrent callers share one
 * request, because each refresh token works once. Resolves to the new token, or null.
 */
export function refreshSession(): Promise<string | null> {
  refreshing ??= doRefresh().finally(() => {
    refreshing = null
  })
  return refreshing
}

async function doRefresh(): Promise<string | null> {
  const session = sessionSource()
  try {
    const response = await globalThis.fetch(
      new Request(REFRESH_PATH, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'Accept-Language': session.language() },
        body: JSON.stringify({ refreshTokenInCookie: true }),
      }),
    )
    if (!response.ok) return null
    const fresh = (await response.json()) as TokenOut
    session.keep(fresh)
    return fresh.accessToken
  } catch {
    return null
  }
}

function isNoRetry(url: string): boolean {
  const path = new URL(url, 'http://x').pathname
  return NO_RETRY_PATHS.includes(path)
}

interface Sent {
  copy: Request
  token: string | null
}

/** Requests in flight, kept (unsent copies) so a 401 can be retried once after a refresh. */
const inFlight = new Map<string, Sent>()

export const authMiddleware: Middleware = {
  onRequest({ request, id }) {
    const session = sessionSource()
    const token = session.accessToken()
    if (token) request.headers.set('Authorization', `Bearer ${token}`)
    request.headers.set('Accept-Language', session.language())
    if (!isNoRetry(request.url)) inFlight.set(id, { copy: request.clone(), token })
    return request
  },
  async onResponse({ response, id, options }) {
    const sent = inFlight.get(id)
    inFlight.delete(id)
    await noticeTotpEnrolment(response)
    if (response.status !== 401 || !sent) return response
    const session = sessionSource()
    // Another request may already have refreshed while this one was in flight.
    const current = session.accessToken()
    const token = current && current !== sent.token ? current : await refreshSession()
    if (!token) {
      session.clear()
      onSessionExpired()
      return response
    }
    const retry = sent.copy
    retry.headers.set('Authorization', `Bearer ${token}`)
    return options.fetch(retry)
  },
  onError({ id }) {
    inFlight.delete(id)
  },
}

export const api = createClient<paths>({
  baseUrl: '',
  credentials: 'same-origin',
  // Looked up per call so test interceptors (msw) that replace globalThis.fetch are seen.
  fetch: (input: Request) => globalThis.fetch(input),
})
api.use(authMiddleware)
