// TimelineView formats money in its values; the helpers live with MoneyInput.
export { formatMoney } from '@/components/money'

export interface DateRange {
  start: string
  end: string
}

export function isDateRange(value: unknown): value is DateRange {
  return typeof value === 'object' && value !== null && 'start' in value && 'end' in value
}

/** A local date-time for people, e.g. `2026/11/23 09:00`. */
export function formatTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return ''
  return new Date(iso).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' })
}

/** `2 天 3 小时` style durations from minutes, via the caller's translate function. */
export function formatMinutes(
  minutes: number | null | undefined,
  t: (key: string, named: Record<string, unknown>) => string,
): string {
  if (minutes === null || minutes === undefined) return ''
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const mins = minutes % 60
  if (days > 0) return t('approvals.duration.dh', { d: days, h: hours })
  if (hours > 0) return t('approvals.duration.hm', { h: hours, m: mins })
  return t('approvals.duration.m', { m: mins })
}
