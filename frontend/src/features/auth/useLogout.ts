import { useI18n } from 'vue-i18n'
import { useRouter } from 'vue-router'
import { useAuthStore } from '@/stores/auth'

/** Asks for confirmation, signs out everywhere and goes to the sign-in page. */
export function useLogout(): () => Promise<void> {
  const { t } = useI18n()
  const router = useRouter()
  const auth = useAuthStore()
  return async () => {
    try {
      await ElMessageBox.confirm(t('auth.logoutConfirm'), t('auth.logoutTitle'), {
        confirmButtonText: t('nav.logout'),
        cancelButtonText: t('common.cancel'),
        type: 'warning',
      })
    } catch {
      return // cancelled
    }
    try {
      await auth.logout()
    } catch {
      // The local session is cleared regardless; the server session times out.
    }
    ElMessage.success(t('auth.loggedOut'))
    await router.replace({ name: 'login' })
  }
}
