import { api } from '@/api/client'
import type { components } from '@/api/schema'
import { unwrap } from '@/api/unwrap'

export type BatchDecisionOut = components['schemas']['BatchDecisionOut']
export type BatchResult = components['schemas']['BatchResultOut']
export type BatchDecision = 'approve' | 'reject'

/** 批量审批: each request is decided alone; the answer says what became of each, in order. */
export async function decideBatch(decision: BatchDecision, ids: string[], comment: string | null): Promise<BatchDecisionOut> {
  const body = { items: ids.map((id) => ({ id })), comment }
  return decision === 'approve'
    ? unwrap(await api.POST('/api/v1/approvals/batch/approve', { body }))
    : unwrap(await api.POST('/api/v1/approvals/batch/reject', { body }))
}
