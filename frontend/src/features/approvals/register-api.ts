import { api } from '@/api/client'
import type { components } from '@/api/schema'
import type { ListQuery, PageOut } from '@/composables/usePagedTable'
import { unwrap } from '@/api/unwrap'

export type RegisterItem = components['schemas']['RegisterItemOut']
import { INSTANCE_STATUS_TONES, type InstanceStatus } from './status-words'

export type { InstanceStatus }
export const INSTANCE_STATUSES = Object.keys(INSTANCE_STATUS_TONES) as InstanceStatus[]

export async function listRegister(query: ListQuery): Promise<PageOut<RegisterItem>> {
  return unwrap(await api.GET('/api/v1/approvals', { params: { query } }))
}
