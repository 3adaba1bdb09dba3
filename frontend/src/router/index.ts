import { createRouter, createWebHistory, type Router, type RouterHistory } from 'vue-router'
import { useAuthStore } from '@/stores/auth'
import { i18n } from '@/i18n'
import { routes } from './routes'

/**
 * Sends visitors to sign in, users with an initial password to change it first, and users whose
 * role requires two-step verification to set it up.
 */
export function installGuards(router: Router): void {
  router.beforeEach(async (to) => {
    const auth = useAuthStore()
    await auth.restore()
    if (to.meta.public) return true
    if (!auth.isAuthenticated) {
      return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } }
    }
    if (auth.user?.mustChangePassword && to.name !== 'change-password') {
      return { name: 'change-password', query: { redirect: to.fullPath } }
    }
    if (auth.mustEnrolTotp && to.name !== 'totp-setup' && to.name !== 'change-password') {
      return { name: 'totp-setup', query: { redirect: to.fullPath } }
    }
    if (to.meta.permission && !auth.hasPermission(to.meta.permission)) return { name: 'home' }
    return true
  })
  router.afterEach((to) => {
    const app = i18n.global.t('app.name')
    document.title = to.meta.titleKey ? `${i18n.global.t(to.meta.titleKey)} - ${app}` : app
  })
}

export function createAppRouter(history: RouterHistory = createWebHistory()): Router {
  const router = createRouter({ history, routes })
  installGuards(router)
  return router
}

/** A same-site path to continue to after signing in, never an absolute URL. */
export function safeRedirect(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : '/'
}
