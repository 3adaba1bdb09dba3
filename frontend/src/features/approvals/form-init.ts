import type { FieldDef, FormValues } from './api'

/** Empty values for a form: lists for multi-choice kinds, null for the rest. */
export function emptyValues(fields: readonly FieldDef[], from: FormValues = {}): FormValues {
  const out: FormValues = {}
  for (const f of fields) {
    const given = from[f.key]
    out[f.key] = given !== undefined ? given : f.kind === 'multi_select' || f.kind === 'attachments' ? [] : null
  }
  return out
}

/** Values as sent: blank entries left out, so "not given" and "required" read the same to the server. */
export function cleanValues(values: FormValues): FormValues {
  const out: FormValues = {}
  for (const [key, value] of Object.entries(values)) {
    if (value === null || value === undefined || value === '') continue
    if (Array.isArray(value) && value.length === 0) continue
    out[key] = value
  }
  return out
}
