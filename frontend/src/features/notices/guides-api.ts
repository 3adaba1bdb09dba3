import { api } from '@/api/client'
import type { components } from '@/api/schema'
import type { ListQuery, PageOut } from '@/composables/usePagedTable'
import { unwrap } from '@/api/unwrap'

type S = components['schemas']
export type GuideOut = S['GuideOut']
export type GuideIn = S['GuideIn']
export type GuidePatchIn = S['GuidePatchIn']
export type GuideKind = S['GuideKind']
export type GuideVersionOut = S['GuideVersionOut']
export type GuideDiffOut = S['GuideDiffOut']
export type DiffLineOut = S['DiffLineOut']
export type TimelineEventOut = S['GuideTimelineEvent']

const byId = (id: string) => ({ params: { path: { id } } })

export async function listGuides(query: ListQuery): Promise<PageOut<GuideOut>> {
  return unwrap(await api.GET('/api/v1/guides', { params: { query } }))
}

export type GuideCategoryOut = S['GuideCategoryOut']

/** The categories the caller's guides fall in, with counts (the office: every guide's). */
export async function listGuideCategories(): Promise<GuideCategoryOut[]> {
  return unwrap(await api.GET('/api/v1/guides/categories'))
}

export async function getGuide(id: string): Promise<GuideOut> {
  return unwrap(await api.GET('/api/v1/guides/{id}', byId(id)))
}

/** The key makes a retried save create one draft. */
export async function createGuide(body: GuideIn, idempotencyKey: string): Promise<GuideOut> {
  return unwrap(await api.POST('/api/v1/guides', { body, headers: { 'Idempotency-Key': idempotencyKey } }))
}

export async function patchGuide(id: string, body: GuidePatchIn): Promise<GuideOut> {
  return unwrap(await api.PATCH('/api/v1/guides/{id}', { ...byId(id), body }))
}

export async function publishGuide(id: string, version: number): Promise<GuideOut> {
  return unwrap(await api.POST('/api/v1/guides/{id}/publish', { ...byId(id), body: { version } }))
}

export async function withdrawGuide(id: string, version: number): Promise<GuideOut> {
  return unwrap(await api.POST('/api/v1/guides/{id}/withdraw', { ...byId(id), body: { version } }))
}

export async function listGuideVersions(id: string): Promise<GuideVersionOut[]> {
  return unwrap(await api.GET('/api/v1/guides/{id}/versions', byId(id))).items
}

export async function getGuideVersion(id: string, number: number): Promise<GuideVersionOut> {
  return unwrap(await api.GET('/api/v1/guides/{id}/versions/{number}', { params: { path: { id, number } } }))
}

export async function guideDiff(id: string, from: number, to: number): Promise<GuideDiffOut> {
  return unwrap(await api.GET('/api/v1/guides/{id}/diff', { params: { path: { id }, query: { from, to } } }))
}

export async function guideTimeline(id: string): Promise<TimelineEventOut[]> {
  return unwrap(await api.GET('/api/v1/guides/{id}/timeline', byId(id)))
}

export type GuideImportOut = S['GuideImportOut']

/** Checks (`dryRun`) or imports a spreadsheet of guides; each row becomes a draft. */
export async function importGuides(file: File, dryRun: boolean): Promise<GuideImportOut> {
  const form = new FormData()
  form.append('file', file)
  return unwrap(
    await api.POST('/api/v1/guides/import', {
      params: { query: { dryRun } },
      body: { file: '' },
      bodySerializer: () => form,
    }),
  )
}
