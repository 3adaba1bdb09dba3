import type { components } from '@/api/schema'
import { api } from '@/api/client'

export type PermissionOut = components['schemas']['PermissionOut']
export type RoleOut = components['schemas']['RoleOut']

export interface PermissionGroup {
  group: string
  items: PermissionOut[]
}

/** GET /permissions; throws the problem on failure. */
export async function fetchPermissions(): Promise<PermissionOut[]> {
  const { data, error } = await api.GET('/api/v1/permissions')
  if (!data) throw error
  return data
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
