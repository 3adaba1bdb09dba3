import { api } from '@/api/client'
import type { components } from '@/api/schema'
import type { ListQuery, PageOut } from '@/composables/usePagedTable'
import { unwrap } from '@/api/unwrap'

export type RegisterItem = components['schemas']['RegisterItemOut']
export type InstanceStatus = components['schemas']['InstanceStatusDto']

export const INSTANCE_STATUSES: InstanceStatus[] = ['running', 'returned', 'approved', 'rejected', 'withdrawn', 'cancelled']

export async function listRegister(query: ListQuery): Promise<PageOut<RegisterItem>> {
  return unwrap(await api.GET('/api/v1/approvals', { params: { query } }))
}

/** The export takes the list's filters and keyword; paging and sort stay on the screen. */
export function exportQuery(query: ListQuery): URLSearchParams {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (key === 'page' || key === 'pageSize' || key === 'sort') continue
    params.set(key, String(value))
  }
  return params
}

/**
 * Downloads the register as `.xlsx`. The access token lives in memory, so the bytes are fetched
 * with it and saved from a blob, under the name the server gives.
 */
export async function downloadRegister(query: ListQuery, token: string | null): Promise<boolean> {
  const res = await fetch(`/api/v1/approvals/export.xlsx?${exportQuery(query).toString()}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  })
  if (!res.ok) return false
  const disposition = res.headers.get('content-disposition') ?? ''
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1]
  const url = URL.createObjectURL(await res.blob())
  const link = document.createElement('a')
  link.href = url
  link.download = encoded ? decodeURIComponent(encoded) : '审批台账.xlsx'
  link.click()
  URL.revokeObjectURL(url)
  return true
}
