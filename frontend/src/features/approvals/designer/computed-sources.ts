import type { FieldDef } from '../api'

/** One choice of what a field may be computed from, as the designer offers it. */
export interface ComputedSource {
  value: string
  /** `days` (working days of a period) or `sum` (a column's total). */
  kind: 'days' | 'sum'
  label: string
}

/**
 * What `field` may be computed from, exactly as the server accepts it: a number field from a
 * date range (its working days), a money or number field from a line-items column of the same
 * kind (`lines.amount`, its sum). Other kinds are never computed.
 */
export function computedSources(fields: readonly FieldDef[], field: FieldDef): ComputedSource[] {
  const out: ComputedSource[] = []
  if (field.kind === 'number') {
    for (const f of fields) if (f.kind === 'date_range') out.push({ value: f.key, kind: 'days', label: f.label || f.key })
  }
  if (field.kind === 'number' || field.kind === 'money') {
    for (const f of fields) {
      if (f.kind !== 'line_items') continue
      for (const c of f.columns ?? []) {
        if (c.kind === field.kind) out.push({ value: `${f.key}.${c.key}`, kind: 'sum', label: `${f.label || f.key} · ${c.label || c.key}` })
      }
    }
  }
  return out
}
