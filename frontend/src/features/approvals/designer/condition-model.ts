import type { FieldDef } from '../api'
import { fieldPath, type CmpOp, type Expr, type Literal } from '../condition/ast'
import { conditionFields, type ConditionField, type ValueClass } from '../condition/fields'
import { parseCondition } from '../condition/parse'

/** What one row of the condition builder tests. */
export type ClauseOp = CmpOp | 'in' | 'not_in' | 'contains' | 'filled' | 'empty'
/** Money in fen, numbers, dates as `YYYY-MM-DD`, options, ids; a list for `in`; null while not chosen. */
export type ClauseValue = number | string | string[] | null

export interface Clause {
  kind: 'clause'
  /** As in the condition: `days`, `period.days`; empty until chosen. */
  field: string
  op: ClauseOp
  value: ClauseValue
}

export interface ClauseGroup {
  kind: 'group'
  join: 'and' | 'or'
  clauses: Clause[]
}

/** The builder's condition: clauses and groups of clauses joined by and/or (one level of nesting). */
export interface ConditionModel {
  join: 'and' | 'or'
  items: (Clause | ClauseGroup)[]
}

const COMPARE: CmpOp[] = ['gt', 'ge', 'lt', 'le', 'eq', 'ne']
const SYMBOL: Record<CmpOp, string> = { eq: '==', ne: '!=', gt: '>', ge: '>=', lt: '<', le: '<=' }

/** The operators the builder offers for a field, by what it holds. */
export function opsFor(cf: ConditionField): ClauseOp[] {
  const presence: ClauseOp[] = cf.ref.part === 'whole' ? ['filled', 'empty'] : []
  const byClass: Partial<Record<ValueClass, ClauseOp[]>> = {
    number: COMPARE, money: COMPARE, days: COMPARE, date: COMPARE,
    option: ['eq', 'ne', 'in', 'not_in'], multi: ['contains'], text: ['eq', 'ne'],
    person: ['eq', 'ne'], department: ['eq', 'ne'],
  }
  return [...(byClass[cf.cls] ?? []), ...presence]
}

export function newClause(): Clause {
  return { kind: 'clause', field: '', op: 'eq', value: null }
}

export function emptyValue(op: ClauseOp): ClauseValue {
  return op === 'in' || op === 'not_in' ? [] : null
}

/** A clause with a field and, unless it tests presence, a value. */
export function isComplete(c: Clause): boolean {
  if (!c.field) return false
  if (c.op === 'filled' || c.op === 'empty') return true
  return Array.isArray(c.value) ? c.value.length > 0 : c.value !== null && c.value !== ''
}

const quote = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`
/** A number as the condition language writes it: no exponent, no grouping. */
const numeral = (n: number) =>
  /e/i.test(String(n)) ? n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }) : String(n)
const literal = (v: string | number) => (typeof v === 'number' ? numeral(v) : quote(v))

/**
 * One clause as condition text. An unfinished clause gives unfinished text on purpose, so saving it
 * is refused at the step's condition instead of silently dropping the clause.
 */
export function clauseSource(c: Clause): string {
  const field = c.field || '?'
  const v = c.value
  switch (c.op) {
    case 'filled': return field
    case 'empty': return `not ${field}`
    case 'in':
    case 'not_in': {
      const items = Array.isArray(v) ? v : []
      return `${field} ${c.op === 'in' ? 'in' : 'not in'} [${items.map(literal).join(', ')}]`
    }
    case 'contains': return `${field} contains${typeof v === 'string' ? ` ${quote(v)}` : ''}`
    default: return `${field} ${SYMBOL[c.op]}${v === null || Array.isArray(v) || v === '' ? '' : ` ${literal(v)}`}`
  }
}

export function toSource(m: ConditionModel): string {
  const parts = m.items.map((item) => {
    if (item.kind === 'clause') return clauseSource(item)
    const inner = item.clauses.map(clauseSource).join(` ${item.join} `)
    return item.clauses.length > 1 && m.items.length > 1 ? `(${inner})` : inner
  })
  return parts.filter(Boolean).join(` ${m.join} `)
}

/**
 * The builder's view of condition text, or null when the text does not parse or says more than
 * the builder can show (then the designer edits it as text).
 */
export function fromSource(source: string, fields: readonly FieldDef[]): ConditionModel | null {
  if (!source.trim()) return { join: 'and', items: [] }
  const parsed = parseCondition(source)
  if (!parsed.ok) return null
  const known = new Map(conditionFields(fields).map((cf) => [cf.path, cf]))
  const clause = (e: Expr): Clause | null => toClause(e, known)
  const top = parsed.expr
  const join = top.type === 'or' ? 'or' : 'and'
  const parts = top.type === 'and' || top.type === 'or' ? top.parts : [top]
  const items: (Clause | ClauseGroup)[] = []
  for (const part of parts) {
    const single = clause(part)
    if (single) {
      items.push(single)
      continue
    }
    if (part.type !== 'and' && part.type !== 'or') return null
    const clauses = part.parts.map(clause)
    if (clauses.some((c) => c === null)) return null
    items.push({ kind: 'group', join: part.type, clauses: clauses as Clause[] })
  }
  return { join, items }
}

const NUMERIC: ValueClass[] = ['number', 'money', 'days']

function toClause(e: Expr, known: Map<string, ConditionField>): Clause | null {
  const make = (path: string, op: ClauseOp, value: ClauseValue): Clause | null => {
    const cf = known.get(path)
    return cf && opsFor(cf).includes(op) && fits(cf, op, value) ? { kind: 'clause', field: path, op, value } : null
  }
  switch (e.type) {
    case 'truthy': return make(fieldPath(e.field), 'filled', null)
    case 'not': return e.inner.type === 'truthy' ? make(fieldPath(e.inner.field), 'empty', null) : null
    case 'compare': return e.value.kind === 'bool' ? null : make(fieldPath(e.field), e.op, e.value.value)
    case 'contains': return e.value.kind === 'string' ? make(fieldPath(e.field), 'contains', e.value.value) : null
    case 'in': {
      const items = e.items.filter((i): i is Extract<Literal, { kind: 'string' }> => i.kind === 'string').map((i) => i.value)
      return items.length === e.items.length ? make(fieldPath(e.field), e.negated ? 'not_in' : 'in', items) : null
    }
    default: return null
  }
}

/** Whether the builder's editor for the field can hold the value (money is whole fen). */
function fits(cf: ConditionField, op: ClauseOp, value: ClauseValue): boolean {
  if (op === 'filled' || op === 'empty') return true
  if (NUMERIC.includes(cf.cls)) return typeof value === 'number' && (cf.cls !== 'money' || Number.isInteger(value))
  if (cf.cls === 'date') return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
  return op === 'in' || op === 'not_in' ? Array.isArray(value) : typeof value === 'string'
}
