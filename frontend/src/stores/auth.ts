import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api, refreshSession, type TokenOut, type UserOut } from '@/api/client'

/** The signed-in user. The access token lives in memory only; the refresh token is an httpOnly cookie. */
export const useAuthStore = defineStore('auth', () => {
  const accessToken = ref<string | null>(null)
  const user = ref<UserOut | null>(null)
  /** A role requires two-step verification and none is set up: only the setup page works. */
  const mustEnrolTotp = ref(false)
  let restoring: Promise<void> | null = null

  const isAuthenticated = computed(() => accessToken.value !== null && user.value !== null)
  const permissions = computed(() => new Set(user.value?.permissions ?? []))

  function hasPermission(code: string): boolean {
    return permissions.value.has(code)
  }

  function setSession(session: TokenOut): void {
    accessToken.value = session.accessToken
    user.value = session.user
  }

  function clearSession(): void {
    accessToken.value = null
    user.value = null
    mustEnrolTotp.value = false
  }

  /**
   * Signs in; answers the user, or `{ challenge }` when the account has two-step verification
   * (then call `loginSecondFactor`). Throws the problem document (or a network error) on failure.
   */
  async function login(username: string, password: string): Promise<UserOut | { challenge: string }> {
    const { data, error } = await api.POST('/api/v1/auth/login', {
      body: { username, password, refreshTokenInCookie: true },
    })
    if (!data) throw error ?? new Error('login failed')
    if (data.outcome === 'second_factor_required') return { challenge: data.challenge }
    setSession(data)
    return data.user
  }

  /** The second step: the challenge with a 6-digit code or a recovery code. */
  async function loginSecondFactor(
    challenge: string,
    factor: { code: string } | { recoveryCode: string },
  ): Promise<UserOut> {
    const { data, error } = await api.POST('/api/v1/auth/login/totp', {
      body: { challenge, ...factor, refreshTokenInCookie: true },
    })
    if (!data) throw error ?? new Error('second factor failed')
    setSession(data)
    return data.user
  }

  async function logout(): Promise<void> {
    try {
      await api.POST('/api/v1/auth/logout')
    } finally {
      clearSession()
    }
  }

  /** Changes the password; the answer is a fresh session. Throws the problem on failure. */
  async function changePassword(oldPassword: string, newPassword: string): Promise<void> {
    const { data, error } = await api.POST('/api/v1/me/password', {
      body: { oldPassword, newPassword, refreshTokenInCookie: true },
    })
    if (!data) throw error ?? new Error('password change failed')
    setSession(data)
  }

  async function loadMe(): Promise<void> {
    const { data } = await api.GET('/api/v1/me')
    if (data) user.value = data
  }

  /** On app start: turn the refresh cookie (if any) into a session, then load /me. Runs once. */
  function restore(): Promise<void> {
    restoring ??= (async () => {
      if (accessToken.value) return
      const token = await refreshSession()
      if (token) await loadMe()
    })()
    return restoring
  }

  return {
    accessToken,
    user,
    mustEnrolTotp,
    isAuthenticated,
    hasPermission,
    setSession,
    clearSession,
    login,
    loginSecondFactor,
    logout,
    changePassword,
    loadMe,
    restore,
  }
})
