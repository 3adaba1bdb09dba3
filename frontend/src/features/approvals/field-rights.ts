import type { ApprovalOut, FieldDef, StepDef } from './api'

/**
 * Per-step field rights as the SPA uses them. The server is the judge; these only decide what
 * each form asks: a field some step must fill (会计科目 at 财务审核) is not asked of the applicant.
 */
export type FieldRight = 'visible' | 'hidden' | 'editable' | 'required'

/** Keys of the fields a step fills. */
export function filledAtSteps(steps: readonly StepDef[]): Set<string> {
  const out = new Set<string>()
  for (const s of steps) for (const [key, right] of Object.entries(s.fieldRights ?? {})) if (right === 'required') out.add(key)
  return out
}

/** The fields the applicant fills when starting or resubmitting: not those a step fills. */
export function applicantFields(fields: readonly FieldDef[], filled: Iterable<string>): FieldDef[] {
  const skip = new Set(filled)
  return fields.filter((f) => !skip.has(f.key))
}

/** The fields the caller may edit or must fill when approving, required ones marked required. */
export function decisionFields(approval: ApprovalOut): FieldDef[] {
  const needs = approval.myDecision
  if (!needs) return []
  const editable = new Set(needs.editableFields)
  const required = new Set(needs.requiredFields)
  return approval.formSchema.fields
    .filter((f) => editable.has(f.key) || required.has(f.key))
    .map((f) => ({ ...f, required: required.has(f.key) }))
}
