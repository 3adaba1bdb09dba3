import { api } from '@/api/client'
import type { components, operations } from '@/api/schema'
import { REQUEST_ACTIONS, type RequestAction } from './status-words'
import type { ListQuery, PageOut } from '@/composables/usePagedTable'
import { unwrap } from '@/api/unwrap'

type S = components['schemas']
export type ApprovalOut = S['ApprovalOut']
export type TemplateOut = S['TemplateOut']
export type TemplateIn = S['TemplateIn']
export type TemplatePatchIn = S['TemplatePatchIn']
export type TemplateStatsOut = S['TemplateStatsOut']
export type DefinitionDto = S['DefinitionDto']
export type FieldDef = S['FieldDefDto']
export type FieldKind = S['FieldKindDto']
export type ColumnDef = S['ColumnDefDto']
export type ColumnKind = S['ColumnKindDto']
export type StepDef = S['StepDefDto']
export type InboxItem = S['InboxItemOut']
export type InboxCounts = S['InboxCountsOut']
export type ActionIn = S['ActionIn']
export type ReassignIn = S['ReassignIn']
export type RemoveSignerIn = S['RemoveSignerIn']
export type DelegationOut = S['DelegationOut']
export type DelegationIn = S['DelegationIn']
export type InboxBox = operations['list_approval_tasks']['parameters']['query']['box']
export type FormValues = Record<string, unknown>

/**
 * The actions of `POST /api/v1/approvals/{id}/{action}` taken with `ActionIn`, in button order;
 * `reassign` and `remove-signer` have dialogs and bodies of their own.
 */
export type ActionName = Exclude<RequestAction, 'reassign' | 'remove-signer'>
export const ACTIONS = (Object.keys(REQUEST_ACTIONS) as RequestAction[]).filter(
  (a): a is ActionName => a !== 'reassign' && a !== 'remove-signer',
)

export async function listTemplates(manage = false): Promise<TemplateOut[]> {
  return unwrap(await api.GET('/api/v1/approval-templates', { params: { query: manage ? { manage } : {} } }))
}

export async function getTemplate(id: string): Promise<TemplateOut> {
  return unwrap(await api.GET('/api/v1/approval-templates/{id}', { params: { path: { id } } }))
}

export async function createTemplate(body: TemplateIn): Promise<TemplateOut> {
  return unwrap(await api.POST('/api/v1/approval-templates', { body }))
}

export async function patchTemplate(id: string, body: TemplatePatchIn): Promise<TemplateOut> {
  return unwrap(await api.PATCH('/api/v1/approval-templates/{id}', { params: { path: { id } }, body }))
}

export async function templateStats(id: string): Promise<TemplateStatsOut> {
  return unwrap(await api.GET('/api/v1/approval-templates/{id}/stats', { params: { path: { id } } }))
}

/** Starts a request. The key makes a retried submit (double click, flaky network) create one request. */
export async function startApproval(
  templateId: string,
  form: FormValues,
  approvers: Record<string, string[]>,
  idempotencyKey: string,
): Promise<ApprovalOut> {
  return unwrap(
    await api.POST('/api/v1/approvals', {
      body: { templateId, form, approvers },
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
  )
}

export async function getApproval(id: string): Promise<ApprovalOut> {
  return unwrap(await api.GET('/api/v1/approvals/{id}', { params: { path: { id } } }))
}

export async function act(id: string, action: ActionName, body: ActionIn): Promise<ApprovalOut> {
  const init = { params: { path: { id } }, body }
  switch (action) {
    case 'approve': return unwrap(await api.POST('/api/v1/approvals/{id}/approve', init))
    case 'reject': return unwrap(await api.POST('/api/v1/approvals/{id}/reject', init))
    case 'return': return unwrap(await api.POST('/api/v1/approvals/{id}/return', init))
    case 'resubmit': return unwrap(await api.POST('/api/v1/approvals/{id}/resubmit', init))
    case 'transfer': return unwrap(await api.POST('/api/v1/approvals/{id}/transfer', init))
    case 'add-signer': return unwrap(await api.POST('/api/v1/approvals/{id}/add-signer', init))
    case 'comment': return unwrap(await api.POST('/api/v1/approvals/{id}/comment', init))
    case 'urge': return unwrap(await api.POST('/api/v1/approvals/{id}/urge', init))
    case 'withdraw': return unwrap(await api.POST('/api/v1/approvals/{id}/withdraw', init))
    case 'cancel': return unwrap(await api.POST('/api/v1/approvals/{id}/cancel', init))
    case 'recall': return unwrap(await api.POST('/api/v1/approvals/{id}/recall', init))
  }
}

/** 改派: an approvals administrator moves an open task to another person, with a reason. */
export async function reassignTask(id: string, body: ReassignIn): Promise<ApprovalOut> {
  return unwrap(await api.POST('/api/v1/approvals/{id}/reassign', { params: { path: { id } }, body }))
}

/** 减签: whoever added a signer (or an approvals administrator) takes them off before they act. */
export async function removeSigner(id: string, body: RemoveSignerIn): Promise<ApprovalOut> {
  return unwrap(await api.POST('/api/v1/approvals/{id}/remove-signer', { params: { path: { id } }, body }))
}

export async function listTasks(box: InboxBox, query: ListQuery): Promise<PageOut<InboxItem>> {
  return unwrap(await api.GET('/api/v1/approval-tasks', { params: { query: { ...query, box } } }))
}

export async function inboxCounts(): Promise<InboxCounts> {
  return unwrap(await api.GET('/api/v1/approval-tasks/counts'))
}

export async function listDelegations(): Promise<DelegationOut[]> {
  return unwrap(await api.GET('/api/v1/approval-delegations'))
}

export async function createDelegation(body: DelegationIn): Promise<DelegationOut> {
  return unwrap(await api.POST('/api/v1/approval-delegations', { body }))
}

export async function revokeDelegation(id: string): Promise<DelegationOut> {
  return unwrap(await api.POST('/api/v1/approval-delegations/{id}/revoke', { params: { path: { id } } }))
}
