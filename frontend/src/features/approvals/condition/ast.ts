/**
 * A step condition as the server's condition language reads it (the grammar is documented in
 * `crates/domain/src/approvals/condition/mod.rs`): comparisons, `in` lists, `contains`, bare fields,
 * and/or/not, and the `.days`, `.start`, `.end` parts of a date range.
 */

/** A date-range part after the dot, or the field as a whole. */
export type Part = 'whole' | 'days' | 'start' | 'end'

export interface FieldRef {
  key: string
  part: Part
}

export type CmpOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le'

export type Literal =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'bool'; value: boolean }

export type Expr =
  | { type: 'const'; value: boolean }
  /** A bare field: true when it is given and non-empty, non-zero or `true`. */
  | { type: 'truthy'; field: FieldRef }
  | { type: 'not'; inner: Expr }
  | { type: 'and'; parts: Expr[] }
  | { type: 'or'; parts: Expr[] }
  | { type: 'compare'; field: FieldRef; op: CmpOp; value: Literal }
  | { type: 'in'; field: FieldRef; items: Literal[]; negated: boolean }
  | { type: 'contains'; field: FieldRef; value: Literal }

/** The words a field cannot be named, as on the server. */
export const KEYWORDS = ['and', 'or', 'not', 'in', 'contains', 'true', 'false'] as const

/** The server's limits: characters, nesting of parentheses and `not`, items of a list. */
export const MAX_SOURCE_CHARS = 500
export const MAX_DEPTH = 32
export const MAX_LIST_ITEMS = 100

/** `period.days` for a part, `days` for a whole field. */
export function fieldPath(field: FieldRef): string {
  return field.part === 'whole' ? field.key : `${field.key}.${field.part}`
}
