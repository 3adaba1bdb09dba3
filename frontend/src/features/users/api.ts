import { api } from '@/api/client'
import type { components } from '@/api/schema'
import type { ListQuery, PageOut } from '@/composables/usePagedTable'
import { unwrap } from '@/api/unwrap'

export type UserOut = components['schemas']['UserOut']
export type RoleOut = components['schemas']['RoleOut']
export type ScopeOut = components['schemas']['ScopeOut']
export type RosterImportOut = components['schemas']['RosterImportOut']
export interface OneTimePassword {
  username: string
  initialPassword: string
}

export async function listUsers(query: ListQuery): Promise<PageOut<UserOut>> {
  return unwrap(await api.GET('/api/v1/users', { params: { query } }))
}

export async function listRoles(): Promise<RoleOut[]> {
  return unwrap(await api.GET('/api/v1/roles'))
}

/**
 * Uploads a roster through the typed client (same auth/refresh middleware); the body is sent
 * as multipart FormData, for which the browser sets the boundary.
 */
export async function importRoster(file: File, dryRun: boolean): Promise<RosterImportOut> {
  const form = new FormData()
  form.append('file', file)
  return unwrap(
    await api.POST('/api/v1/roster/import', {
      params: { query: { dryRun } },
      body: { file: '' },
      bodySerializer: () => form,
    }),
  )
}
