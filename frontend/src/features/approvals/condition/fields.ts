import type { FieldDef } from '../api'
import type { FieldRef, Part } from './ast'

/**
 * What a condition's field holds, for wording and editing: `money` is fen shown as yuan, `days` the
 * length of a date range, `option` a select's option, `multi` a multi-select's list, `person` and
 * `department` ids shown by name, `presence` a field that can only be given or not (files, a range
 * as a whole), `unknown` a key the form does not have.
 */
export type ValueClass =
  | 'number' | 'money' | 'days' | 'date' | 'option' | 'multi' | 'text' | 'person' | 'department' | 'presence' | 'unknown'

/** One thing a condition can test: a field or a part of a date range. */
export interface ConditionField {
  /** As written in the condition: `days`, `period.days`. */
  path: string
  ref: FieldRef
  def: FieldDef
  cls: ValueClass
}

/**
 * What the engine knows about the applicant when a step is entered, as condition variables: the
 * department (and, as a list, every department above it), the roles (codes and names), the
 * position (职务). Labels are Chinese-first like the designer's.
 */
export const APPLICANT_FIELDS: readonly FieldDef[] = [
  { key: 'applicant_department', label: '申请人部门', kind: 'text', required: false },
  { key: 'applicant_departments', label: '申请人所在部门及上级部门', kind: 'multi_select', required: false, options: [] },
  { key: 'applicant_roles', label: '申请人角色', kind: 'multi_select', required: false, options: [] },
  { key: 'applicant_position', label: '申请人职务', kind: 'text', required: false },
]

export function isApplicantVariable(key: string): boolean {
  return APPLICANT_FIELDS.some((f) => f.key === key)
}

export function classify(ref: FieldRef, def: FieldDef | undefined): ValueClass {
  if (!def) def = APPLICANT_FIELDS.find((f) => f.key === ref.key)
  if (!def) return 'unknown'
  if (def.kind === 'date_range') return ref.part === 'days' ? 'days' : ref.part === 'whole' ? 'presence' : 'date'
  if (ref.part !== 'whole') return 'unknown'
  switch (def.kind) {
    case 'number': return 'number'
    case 'money': return 'money'
    case 'date': return 'date'
    case 'select': return 'option'
    case 'multi_select': return 'multi'
    case 'user': return 'person'
    case 'department': return 'department'
    case 'attachments': return 'presence'
    default: return 'text'
  }
}

/**
 * Every field and range part a condition may test, in form order (a range: days, start, end,
 * whole), then the applicant variables.
 */
export function conditionFields(fields: readonly FieldDef[]): ConditionField[] {
  const out: ConditionField[] = []
  for (const def of [...fields, ...APPLICANT_FIELDS]) {
    // The server refuses a condition on line items: it reads their computed total instead.
    if (!def.key || def.kind === 'line_items') continue
    const parts: Part[] = def.kind === 'date_range' ? ['days', 'start', 'end', 'whole'] : ['whole']
    for (const part of parts) {
      const ref = { key: def.key, part }
      out.push({ path: part === 'whole' ? def.key : `${def.key}.${part}`, ref, def, cls: classify(ref, def) })
    }
  }
  return out
}
