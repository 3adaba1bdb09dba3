import type { SessionSource } from '@/api/session'
import { useAuthStore } from './auth'
import { useLocaleStore } from './locale'

/** The API client's session, read from the auth and locale stores of the active Pinia. */
export const storeSessionSource: SessionSource = {
  accessToken: () => useAuthStore().accessToken,
  language: () => useLocaleStore().locale,
  keep: (session) => useAuthStore().setSession(session),
  clear: () => useAuthStore().clearSession(),
  requireTotpEnrolment: () => {
    useAuthStore().mustEnrolTotp = true
  },
}
