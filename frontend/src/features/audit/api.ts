import { api } from '@/api/client'
import type { components } from '@/api/schema'
import { unwrap } from '@/api/unwrap'
import type { ListQuery, PageOut } from '@/composables/usePagedTable'

export type AuditEventOut = components['schemas']['AuditEventOut']
export type ChainReportOut = components['schemas']['ChainReportOut']

/** Day bounds in the browser's zone, as RFC 3339 instants. */
export function dayBound(day: string, end: boolean): string {
  return new Date(`${day}T${end ? '23:59:59.999' : '00:00:00'}`).toISOString()
}

/** The log, filtered; `from` and `to` are days (YYYY-MM-DD), both ends included. */
export async function listAuditEvents(query: ListQuery): Promise<PageOut<AuditEventOut>> {
  const { from, to, ...rest } = query
  const bounds = {
    from: typeof from === 'string' ? dayBound(from, false) : undefined,
    to: typeof to === 'string' ? dayBound(to, true) : undefined,
  }
  return unwrap(await api.GET('/api/v1/audit-events', { params: { query: { ...rest, ...bounds } } }))
}

/** Checks the hash chain of the whole log. */
export async function verifyAuditChain(): Promise<ChainReportOut> {
  return unwrap(await api.GET('/api/v1/audit-events/verify'))
}
