import type { components } from '@/api/schema'
import type { Translate } from '@/api/problem'

type UserOut = components['schemas']['UserOut']
type ScopeOut = components['schemas']['ScopeOut']

/** 全校 / 部门：教务处 / 仅本人 — a department scope is named from the user's departments when known. */
export function scopeLabel(scope: ScopeOut, user: UserOut, t: (key: string, named?: Record<string, unknown>) => string): string {
  if (scope.kind === 'all') return t('scope.all')
  if (scope.kind === 'self') return t('scope.self')
  const dept = user.departments.find((d) => d.id === scope.departmentId)
  return t('scope.department', { name: dept?.name ?? scope.departmentId })
}

export type { Translate }
