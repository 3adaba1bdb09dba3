import { api } from '@/api/client'
import type { components } from '@/api/schema'
import type { ListQuery, PageOut } from '@/composables/usePagedTable'
import { unwrap } from '@/api/unwrap'

type S = components['schemas']
export type NoticeOut = S['NoticeOut']
export type NoticeIn = S['NoticeIn']
export type NoticePatchIn = S['NoticePatchIn']
export type NoticeAction = S['NoticeAction']
export type AudienceDto = S['AudienceDto']
export type ReceiptOut = S['ReceiptOut']
export type ReceiptsOut = S['ReceiptsOut']
export type TimelineEventOut = S['NoticeTimelineEvent']
export type PublicGuideOut = S['PublicGuideOut']
export type PublicNoticeOut = S['PublicNoticeOut']

const byId = (id: string) => ({ params: { path: { id } } })

export async function listNotices(query: ListQuery): Promise<PageOut<NoticeOut>> {
  return unwrap(await api.GET('/api/v1/notices', { params: { query } }))
}

export async function getNotice(id: string): Promise<NoticeOut> {
  return unwrap(await api.GET('/api/v1/notices/{id}', byId(id)))
}

/** The key makes a retried save (double click, flaky network) create one draft. */
export async function createNotice(body: NoticeIn, idempotencyKey: string): Promise<NoticeOut> {
  return unwrap(await api.POST('/api/v1/notices', { body, headers: { 'Idempotency-Key': idempotencyKey } }))
}

export async function patchNotice(id: string, body: NoticePatchIn): Promise<NoticeOut> {
  return unwrap(await api.PATCH('/api/v1/notices/{id}', { ...byId(id), body }))
}

export async function publishNotice(id: string, version: number): Promise<NoticeOut> {
  return unwrap(await api.POST('/api/v1/notices/{id}/publish', { ...byId(id), body: { version } }))
}

export async function withdrawNotice(id: string, version: number): Promise<NoticeOut> {
  return unwrap(await api.POST('/api/v1/notices/{id}/withdraw', { ...byId(id), body: { version } }))
}

export async function pinNotice(id: string, pinned: boolean, version: number): Promise<NoticeOut> {
  return unwrap(await api.POST('/api/v1/notices/{id}/pin', { ...byId(id), body: { pinned, version } }))
}

export async function readNotice(id: string): Promise<NoticeOut> {
  return unwrap(await api.POST('/api/v1/notices/{id}/read', byId(id)))
}

export async function listReceipts(id: string, query: ListQuery): Promise<ReceiptsOut> {
  return unwrap(await api.GET('/api/v1/notices/{id}/receipts', { params: { path: { id }, query } }))
}

/** Where the receipts workbook is downloaded from (with the user's token, see ExportButton). */
export function receiptsExportPath(id: string): string {
  return `/api/v1/notices/${id}/receipts/export.xlsx`
}

export async function remindUnread(id: string): Promise<number> {
  return unwrap(await api.POST('/api/v1/notices/{id}/receipts/remind', byId(id))).reminded
}

export async function noticeTimeline(id: string): Promise<TimelineEventOut[]> {
  return unwrap(await api.GET('/api/v1/notices/{id}/timeline', byId(id)))
}

/** Published public notices; no sign-in needed. */
export async function listPublicNotices(query: ListQuery): Promise<PageOut<PublicNoticeOut>> {
  return unwrap(await api.GET('/api/v1/public/notices', { params: { query } }))
}

export async function getPublicNotice(id: string): Promise<PublicNoticeOut> {
  return unwrap(await api.GET('/api/v1/public/notices/{id}', byId(id)))
}

/** Published public guides and manuals; no sign-in needed. */
export async function listPublicGuides(q: string): Promise<PageOut<PublicGuideOut>> {
  const query = { pageSize: 100, ...(q.trim() ? { q: q.trim() } : {}) }
  return unwrap(await api.GET('/api/v1/public/guides', { params: { query } }))
}

export async function getPublicGuide(id: string): Promise<PublicGuideOut> {
  return unwrap(await api.GET('/api/v1/public/guides/{id}', byId(id)))
}

/** Where the flowchart image of a public guide is served (an `<img>` source). */
export function flowchartUrl(id: string): string {
  return `/api/v1/public/guides/${id}/flowchart`
}
