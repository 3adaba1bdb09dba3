import { api } from '@/api/client'
import type { components } from '@/api/schema'
import { unwrap } from '@/api/unwrap'

export type CalendarDayOut = components['schemas']['CalendarDayOut']
export type CalendarYearsOut = components['schemas']['CalendarYearsOut']

/** The days from `from` to `to` (YYYY-MM-DD, both included). */
export async function listCalendarDays(range: { from: string; to: string }): Promise<CalendarDayOut[]> {
  return unwrap(await api.GET('/api/v1/calendar/days', { params: { query: range } })).days
}

/** The years whose schedule is loaded, and the coming year still missing one. */
export async function listCalendarYears(): Promise<CalendarYearsOut> {
  return unwrap(await api.GET('/api/v1/calendar/years'))
}
