/** `YYYY-MM-DD` of a local date. */
export function ymd(d: Date): string {
  const m = String(d.getMonth() + 1).padStart(2, '0')
  const day = String(d.getDate()).padStart(2, '0')
  return `${d.getFullYear()}-${m}-${day}`
}

/** The days an ElCalendar month grid can show: a week either side of the month, and more after. */
export function visibleRange(month: Date): { from: string; to: string } {
  const first = new Date(month.getFullYear(), month.getMonth(), 1)
  const last = new Date(month.getFullYear(), month.getMonth() + 1, 0)
  return {
    from: ymd(new Date(first.getFullYear(), first.getMonth(), first.getDate() - 7)),
    to: ymd(new Date(last.getFullYear(), last.getMonth(), last.getDate() + 14)),
  }
}

/** Saturday or Sunday, for a `YYYY-MM-DD` day. */
export function isWeekend(day: string): boolean {
  const [y, m, d] = day.split('-').map(Number)
  const dow = new Date(y ?? 0, (m ?? 1) - 1, d ?? 1).getDay()
  return dow === 0 || dow === 6
}
