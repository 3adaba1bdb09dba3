import type { components } from './schema'

export type Problem = components['schemas']['Problem']

/** A translate function such as vue-i18n's `t`; it returns the key itself when there is no message. */
export type Translate = (key: string) => string

export function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return typeof v.code === 'string' && typeof v.status === 'number'
}

/**
 * A user-facing message for an error: the i18n message for `errors.<code>` if there is one,
 * else the server's `detail`, else its `title`. Non-problem errors (a failed fetch) say so.
 */
export function problemMessage(problem: unknown, t: Translate): string {
  if (!isProblem(problem)) {
    return problem instanceof TypeError ? t('errors.network') : t('errors.unknown')
  }
  const key = `errors.${problem.code}`
  const message = t(key)
  if (message && message !== key) return message
  if (problem.detail) return problem.detail
  return problem.title || t('errors.unknown')
}

/** The server's description of this occurrence (it carries specifics such as minutes left), if any. */
export function problemDetail(problem: unknown): string | null {
  return isProblem(problem) && problem.detail ? problem.detail : null
}

/** Field errors of a 422 problem, each field's messages joined, for `ElFormItem :error`. */
export function fieldErrors(problem: unknown): Record<string, string> {
  if (!isProblem(problem) || !problem.errors) return {}
  const out: Record<string, string> = {}
  for (const [field, messages] of Object.entries(problem.errors)) {
    out[field] = messages.join('；')
  }
  return out
}
