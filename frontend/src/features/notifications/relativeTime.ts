/** "3 分钟前" / "3 minutes ago" in the UI language; older than a week shows the date. */
export function relativeTime(iso: string, locale: string, now: Date = new Date()): string {
  const then = new Date(iso)
  const seconds = Math.round((then.getTime() - now.getTime()) / 1000)
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  const abs = Math.abs(seconds)
  if (abs < 60) return format.format(0, 'second')
  if (abs < 3600) return format.format(Math.round(seconds / 60), 'minute')
  if (abs < 86400) return format.format(Math.round(seconds / 3600), 'hour')
  if (abs < 7 * 86400) return format.format(Math.round(seconds / 86400), 'day')
  return then.toLocaleDateString(locale)
}
