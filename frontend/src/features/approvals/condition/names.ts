import { ref, watch, type Ref } from 'vue'
import { api } from '@/api/client'
import type { FieldDef } from '../api'
import type { Expr } from './ast'
import { classify } from './fields'
import { parseCondition } from './parse'

/** The ids that conditions compare person and department fields with. */
export function conditionIds(sources: readonly (string | null | undefined)[], fields: readonly FieldDef[]) {
  const people = new Set<string>()
  const departments = new Set<string>()
  const visit = (e: Expr): void => {
    if (e.type === 'not') return visit(e.inner)
    if (e.type === 'and' || e.type === 'or') return e.parts.forEach(visit)
    if (e.type !== 'compare' && e.type !== 'in') return
    const cls = classify(e.field, fields.find((f) => f.key === e.field.key))
    const target = cls === 'person' ? people : cls === 'department' ? departments : null
    const values = e.type === 'in' ? e.items : [e.value]
    for (const v of values) if (target && v.kind === 'string') target.add(v.value)
  }
  for (const source of sources) {
    const parsed = source ? parseCondition(source) : null
    if (parsed?.ok) visit(parsed.expr)
  }
  return { people: [...people], departments: [...departments] }
}

/**
 * Names (from the address book) of the people and departments the conditions mention, so their
 * words say 王老师 rather than an id. Asks only when a condition mentions some.
 */
export function useConditionNames(
  sources: () => readonly (string | null | undefined)[],
  fields: () => readonly FieldDef[],
): Ref<Record<string, string>> {
  const names = ref<Record<string, string>>({})
  watch(
    () => conditionIds(sources(), fields()),
    async ({ people, departments }) => {
      const missing = people.filter((id) => !(id in names.value))
      const lookUpDepartments = departments.some((id) => !(id in names.value))
      // Asked once: an id the address book does not know stays unnamed ('') instead of being asked again.
      for (const id of [...missing, ...departments]) names.value[id] ??= ''
      try {
        if (missing.length) {
          const { data } = await api.GET('/api/v1/directory/people', { params: { query: { ids: missing.join(',') } } })
          for (const p of data ?? []) names.value[p.id] = p.name
        }
        if (lookUpDepartments) {
          const { data } = await api.GET('/api/v1/directory/departments')
          for (const d of data ?? []) names.value[d.id] = d.name
        }
      } catch {
        // Without the address book the words show the id quoted; nothing else depends on it.
      }
    },
    { immediate: true, deep: true },
  )
  return names
}
