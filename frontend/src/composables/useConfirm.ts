import { useI18n } from 'vue-i18n'

export interface ConfirmOptions {
  title?: string
  confirmText?: string
  /** Destructive actions get a red confirm button. */
  danger?: boolean
}

/** Asks before a destructive action; resolves true when the user confirms. */
export function useConfirm() {
  const { t } = useI18n()
  return async function confirm(message: string, options: ConfirmOptions = {}): Promise<boolean> {
    try {
      await ElMessageBox.confirm(message, options.title ?? t('ui.confirmTitle'), {
        confirmButtonText: options.confirmText ?? t('common.confirm'),
        cancelButtonText: t('common.cancel'),
        type: options.danger === false ? 'info' : 'warning',
        confirmButtonClass: options.danger === false ? undefined : 'el-button--danger',
        autofocus: false,
      })
      return true
    } catch {
      return false
    }
  }
}
