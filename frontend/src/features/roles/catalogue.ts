import type { components } from '@/api/schema'
import { api } from '@/api/client'
import { unwrap } from '@/api/unwrap'

export type PermissionOut = components['schemas']['PermissionOut']
export type RoleOut = components['schemas']['RoleOut']

export interface PermissionGroup {
  group: string
  items: PermissionOut[]
}

/** GET /permissions; throws the problem on failure. */
export async function fetchPermissions(): Promise<PermissionOut[]> {
  return unwrap(await api.GET('/api/v1/permissions'))
}

export async function listRoles(): Promise<RoleOut[]> {
  return unwrap(await api.GET('/api/v1/roles'))
}

export async function createRole(body: components['schemas']['RoleIn']): Promise<RoleOut> {
  return unwrap(await api.POST('/api/v1/roles', { body }))
}

export async function updateRole(id: string, body: components['schemas']['RolePatchIn']): Promise<RoleOut> {
  return unwrap(await api.PATCH('/api/v1/roles/{id}', { params: { path: { id } }, body }))
}

export async function deleteRole(id: string): Promise<void> {
  const { error, response } = await api.DELETE('/api/v1/roles/{id}', { params: { path: { id } } })
  if (!response.ok) throw error ?? new Error('delete failed')
}

/** The catalogue grouped by `group`, in the server's order. */
export function groupPermissions(list: PermissionOut[]): PermissionGroup[] {
  const groups = new Map<string, PermissionOut[]>()
  for (const p of list) {
    const items = groups.get(p.group) ?? []
    items.push(p)
    groups.set(p.group, items)
  }
  return [...groups].map(([group, items]) => ({ group, items }))
}

/** Element Plus tag type per duty; the duty's name is always shown as text too. */
export function dutyTagType(duty: string): 'danger' | 'warning' | 'primary' | 'info' {
  if (duty === 'system') return 'danger'
  if (duty === 'security') return 'warning'
  if (duty === 'audit') return 'primary'
  return 'info'
}

/** A translated label with a fallback to the raw value when no message exists. */
export function labelOr(t: (key: string) => string, key: string, fallback: string): string {
  const text = t(key)
  return text === key ? fallback : text
}
