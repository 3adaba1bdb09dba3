import { api } from '@/api/client'
import type { components } from '@/api/schema'
import type { ListQuery, PageOut } from '@/composables/usePagedTable'
import { unwrap } from '@/api/unwrap'

export type NotificationOut = components['schemas']['NotificationOut']

export async function listNotifications(query: ListQuery): Promise<PageOut<NotificationOut>> {
  return unwrap(await api.GET('/api/v1/notifications', { params: { query } }))
}

export async function unreadCount(): Promise<number> {
  return unwrap(await api.GET('/api/v1/notifications/unread-count')).count
}

/** Marks one notification read (204; read already is fine). Throws the problem on failure. */
export async function markRead(id: string): Promise<void> {
  const { error, response } = await api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })
  if (!response.ok) throw error ?? new Error('mark read failed')
}

export async function markAllRead(): Promise<number> {
  return unwrap(await api.POST('/api/v1/notifications/read-all')).updated
}
