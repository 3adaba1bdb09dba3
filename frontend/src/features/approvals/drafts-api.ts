import { api } from '@/api/client'
import type { components } from '@/api/schema'
import { unwrap } from '@/api/unwrap'
import type { ApprovalOut, FormValues } from './api'

/** A request saved before submitting (草稿): only its author sees it; it has no number yet. */
export type DraftOut = components['schemas']['DraftOut']

export async function listDrafts(): Promise<DraftOut[]> {
  return unwrap(await api.GET('/api/v1/approval-drafts'))
}

export async function getDraft(id: string): Promise<DraftOut> {
  return unwrap(await api.GET('/api/v1/approval-drafts/{id}', { params: { path: { id } } }))
}

export async function createDraft(templateId: string, form: FormValues, approvers: Record<string, string[]>): Promise<DraftOut> {
  return unwrap(await api.POST('/api/v1/approval-drafts', { body: { templateId, form, approvers } }))
}

/** Saves the draft over the version the page loaded: someone (another tab) saving in between is a 409. */
export async function updateDraft(draft: DraftOut, form: FormValues, approvers: Record<string, string[]>): Promise<DraftOut> {
  return unwrap(
    await api.PATCH('/api/v1/approval-drafts/{id}', {
      params: { path: { id: draft.id } },
      body: { form, approvers, version: draft.version },
    }),
  )
}

export async function deleteDraft(draft: DraftOut): Promise<void> {
  const res = await api.DELETE('/api/v1/approval-drafts/{id}', {
    params: { path: { id: draft.id } },
    headers: { 'If-Match': `"${draft.version}"` },
  })
  if (res.error !== undefined) throw res.error
}

/** Submits the draft as a request: the server checks it as a new request and takes its number now. */
export async function submitDraft(draft: DraftOut, idempotencyKey: string): Promise<ApprovalOut> {
  return unwrap(
    await api.POST('/api/v1/approval-drafts/{id}/submit', {
      params: { path: { id: draft.id } },
      headers: { 'If-Match': `"${draft.version}"`, 'Idempotency-Key': idempotencyKey },
    }),
  )
}
