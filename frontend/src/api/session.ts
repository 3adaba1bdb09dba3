import type { components } from './schema'

export type TokenOut = components['schemas']['TokenOut']

/**
 * Where the client reads and keeps the session. The client knows no store: `main.ts` (and the
 * test setup) hands it one, so `client.ts` and `stores/auth.ts` do not import each other.
 */
export interface SessionSource {
  /** The access token to send, or null when nobody is signed in. */
  accessToken(): string | null
  /** The UI language, sent as `Accept-Language` so problems come back in it. */
  language(): string
  /** Keeps a session the refresh call answered. */
  keep(session: TokenOut): void
  /** Forgets the session (the refresh failed). */
  clear(): void
  /** The API answered 403 `totp_enrolment_required`: only the setup page works now. */
  requireTotpEnrolment(): void
}

/** Nobody signed in, Chinese: what the client uses until a source is set. */
const anonymous: SessionSource = {
  accessToken: () => null,
  language: () => 'zh-CN',
  keep: () => undefined,
  clear: () => undefined,
  requireTotpEnrolment: () => undefined,
}

let source: SessionSource = anonymous

export function setSessionSource(next: SessionSource): void {
  source = next
}

export function sessionSource(): SessionSource {
  return source
}
