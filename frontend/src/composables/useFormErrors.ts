import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { fieldErrors, isProblem, problemDetail, problemMessage } from '@/api/problem'

/** Whether an error path (`roles[0].roleCode`, `password.minLength`) belongs to a form item's prop. */
export function pathMatches(path: string, prop: string): boolean {
  return path === prop || path.startsWith(`${prop}.`) || path.startsWith(`${prop}[`)
}

/**
 * Server-side form errors: a 422 problem's `errors` go under the ElFormItem whose prop matches
 * the path; the general message (and any field no item claims) goes to the top of the form.
 */
export function useFormErrors() {
  const { t } = useI18n()
  const fields = ref<Record<string, string>>({})
  const general = ref<string | null>(null)
  const detail = ref<string | null>(null)
  const code = ref<string | null>(null)

  function clear(): void {
    fields.value = {}
    general.value = null
    detail.value = null
    code.value = null
  }

  function capture(error: unknown): void {
    fields.value = fieldErrors(error)
    general.value = problemMessage(error, t)
    const d = problemDetail(error)
    detail.value = d !== general.value ? d : null
    code.value = isProblem(error) ? error.code : null
  }

  /** The message for the form item with this prop, or undefined (as ElFormItem's `error` wants). */
  function field(prop: string): string | undefined {
    const messages = Object.entries(fields.value)
      .filter(([path]) => pathMatches(path, prop))
      .map(([, message]) => message)
    return messages.length > 0 ? messages.join('；') : undefined
  }

  /** Field messages that none of the given props claims, to show with the general message. */
  function unclaimed(props: readonly string[]): string[] {
    return Object.entries(fields.value)
      .filter(([path]) => !props.some((prop) => pathMatches(path, prop)))
      .map(([path, message]) => `${path}: ${message}`)
  }

  return { fields, general, detail, code, clear, capture, field, unclaimed }
}

export type FormErrors = ReturnType<typeof useFormErrors>
