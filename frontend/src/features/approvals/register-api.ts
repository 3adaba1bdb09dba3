import { api } from '@/api/client'
import type { components } from '@/api/schema'
import type { ListQuery, PageOut } from '@/composables/usePagedTable'
import { unwrap } from '@/features/departments/api'

export type RegisterItem = components['schemas']['RegisterItemOut']
export type InstanceStatus = components['schemas']['InstanceStatusDto']

export const INSTANCE_STATUSES: InstanceStatus[] = ['running', 'returned', 'approved', 'rejected', 'withdrawn', 'cancelled']

export async function listRegister(query: ListQuery): Promise<PageOut<RegisterItem>> {
  return unwrap(await api.GET('/api/v1/approvals', { params: { query } }))
}
