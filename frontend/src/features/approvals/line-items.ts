import type { ColumnDef, FieldDef, FormValues } from './api'
import { formatMoney } from './format'

/** One row of line items (明细): cell values by column key, money in fen. */
export type Row = Record<string, unknown>

/** The rows of a line-items value; anything else is no rows. */
export function rowsOf(value: unknown): Row[] {
  return Array.isArray(value) ? value.filter((r): r is Row => typeof r === 'object' && r !== null) : []
}

/** The line-items field and column that `computedFrom` (`lines.amount`) sums, if it names one. */
export function summedColumn(fields: readonly FieldDef[], computedFrom: string | null | undefined): { lines: FieldDef; column: ColumnDef } | null {
  const [linesKey, columnKey] = (computedFrom ?? '').split('.')
  if (!linesKey || !columnKey) return null
  const lines = fields.find((f) => f.key === linesKey && f.kind === 'line_items')
  const column = lines?.columns?.find((c) => c.key === columnKey)
  return lines && column ? { lines, column } : null
}

/** The sum of one column over the rows (blank cells count nothing). */
export function columnSum(rows: readonly Row[], key: string): number {
  return rows.reduce((sum, row) => sum + (typeof row[key] === 'number' ? (row[key] as number) : 0), 0)
}

/**
 * What a total computed from lines will be, shown while the applicant fills the lines in (the
 * server computes it again on submission; the typed-in value would be ignored). Null for other
 * computed fields, whose value only the server knows (working days need the calendar).
 */
export function computedPreview(field: FieldDef, fields: readonly FieldDef[], values: FormValues): string | null {
  const summed = summedColumn(fields, field.computedFrom)
  if (!summed) return null
  const sum = columnSum(rowsOf(values[summed.lines.key]), summed.column.key)
  return field.kind === 'money' ? formatMoney(sum) : String(sum)
}

/** A cell as read: money in yuan, blanks as a dash. */
export function cellText(column: ColumnDef, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—'
  if (column.kind === 'money') return formatMoney(value)
  return String(value)
}
