import { api } from '@/api/client'
import { isProblem } from '@/api/problem'
import { unwrap } from '@/api/unwrap'
import type { components } from '@/api/schema'

export type DepartmentOut = components['schemas']['DepartmentOut']
export interface DepartmentNode extends DepartmentOut {
  children?: DepartmentNode[]
}

/** Whether an error is a 409 `version_conflict` (the record moved on: reload and retry). */
export function isVersionConflict(error: unknown): boolean {
  return isProblem(error) && error.code === 'version_conflict'
}

/** The departments, parents first: active ones only unless `includeInactive`; `q` keeps those whose name or code contains it, with their parents. */
export async function listDepartments(query: { includeInactive?: boolean; q?: string } = {}): Promise<DepartmentOut[]> {
  return unwrap(await api.GET('/api/v1/departments', { params: { query } }))
}

/**
 * Turns the flat parents-first list into a tree. With `activeOnly`, inactive departments and
 * everything below them are left out. Order within siblings is kept as the server sent it.
 */
export function buildTree(list: readonly DepartmentOut[], activeOnly = false): DepartmentNode[] {
  const nodes = new Map<string, DepartmentNode>()
  const roots: DepartmentNode[] = []
  for (const dept of list) {
    if (activeOnly && !dept.active) continue
    const node: DepartmentNode = { ...dept }
    nodes.set(dept.id, node)
    const parent = dept.parentId ? nodes.get(dept.parentId) : undefined
    if (parent) (parent.children ??= []).push(node)
    else if (!dept.parentId || !activeOnly) roots.push(node)
  }
  return roots
}
