import type { components } from '@/api/schema'
import type { DefinitionDto, FieldDef, TemplateIn, TemplateOut } from '../api'

/** A step's approver rule as the API reads and writes it. */
export type RuleWire = components['schemas']['ApproverRuleDto']
export type RuleType = RuleWire['type']
export const RULE_TYPES: RuleType[] = ['users', 'role', 'department_head', 'head_of', 'levels_up', 'form_user', 'applicant_picks', 'manager_chain']

/** A rule being edited: every parameter kept, so switching the type back and forth loses nothing. */
export interface RuleDraft {
  type: RuleType
  userIds: string[]
  role: string
  departmentId: string | null
  levels: number
  field: string
  /** 连续多级主管: how many levels up (null: no limit) and the role whose first holder ends it. */
  upTo: number | null
  untilRole: string
}

export type TimeoutKind = 'remind' | 'escalate' | 'auto_approve' | 'auto_reject'

/** What a step does when its only approver is the applicant (default: their superior decides). */
export type SelfApproval = components['schemas']['SelfApprovalDto']
export const SELF_APPROVALS: SelfApproval[] = ['superior', 'applicantConfirms', 'skip']

export interface StepDraft {
  name: string
  rule: RuleDraft
  mode: 'or' | 'all' | 'ratio' | 'sequential'
  numerator: number
  denominator: number
  condition: string
  deadlineHours: number | null
  timeout: TimeoutKind
  timeoutRole: string
  cc: RuleDraft[]
  applicantIsApprover: SelfApproval
  /** Per field key: hidden / editable / required at this step; a field not named is visible. */
  fieldRights: Record<string, FieldRightWire>
  signatureRequired: boolean
  /** Non-empty for a parallel block (并行分支): its branches run at once and join (汇聚). */
  branches: BranchDraft[]
}

/** One branch of a parallel block: a name and its own ordinary steps. */
export interface BranchDraft {
  name: string
  steps: StepDraft[]
}

export type FieldRightWire = components['schemas']['FieldRightDto']

export interface TemplateDraft {
  code: string
  name: string
  category: string
  icon: string
  description: string
  fields: FieldDef[]
  steps: StepDraft[]
  autoSkip: boolean
  resubmitToReturningStep: boolean
  /** Who may start it; both empty means everyone. */
  starterRoles: string[]
  starterDepartments: string[]
  /** People or a role for steps whose rule finds nobody; null = the office director. */
  fallback: RuleDraft | null
  /** The template's number pattern; blank = the engine's SP-{year}-{seq}. */
  numberPattern: string
  /** Copies (抄送) of the whole request at submission, approval and rejection. */
  ccOnSubmit: RuleDraft[]
  ccOnApproved: RuleDraft[]
  ccOnRejected: RuleDraft[]
}

export type FlowCopyList = 'ccOnSubmit' | 'ccOnApproved' | 'ccOnRejected'
export const FLOW_COPY_LISTS: { key: FlowCopyList; label: string }[] = [
  { key: 'ccOnSubmit', label: 'onSubmit' },
  { key: 'ccOnApproved', label: 'onApproved' },
  { key: 'ccOnRejected', label: 'onRejected' },
]

export function newRule(type: RuleType = 'department_head'): RuleDraft {
  return { type, userIds: [], role: '', departmentId: null, levels: 1, field: '', upTo: 2, untilRole: '' }
}

export function newStep(): StepDraft {
  return {
    name: '', rule: newRule(), mode: 'or', numerator: 1, denominator: 2, condition: '',
    deadlineHours: null, timeout: 'remind', timeoutRole: '', cc: [], applicantIsApprover: 'superior', branches: [],
    fieldRights: {}, signatureRequired: false,
  }
}

export function newBranch(n: number): BranchDraft {
  return { name: `分支${n}`, steps: [newStep()] }
}

/** A parallel block of two branches with one step each, the smallest the server accepts. */
export function newBlock(): StepDraft {
  return { ...newStep(), name: '并行审批', branches: [newBranch(1), newBranch(2)] }
}

export function newField(n: number): FieldDef {
  return { key: `field${n}`, label: '', kind: 'text', required: false }
}

export function emptyDraft(): TemplateDraft {
  return {
    code: '', name: '', category: '', icon: 'Document', description: '',
    fields: [], steps: [newStep()], autoSkip: true, resubmitToReturningStep: false,
    starterRoles: [], starterDepartments: [], fallback: null,
    numberPattern: '', ccOnSubmit: [], ccOnApproved: [], ccOnRejected: [],
  }
}

export function ruleToWire(r: RuleDraft): RuleWire {
  switch (r.type) {
    case 'users': return { type: 'users', userIds: r.userIds }
    case 'role': return { type: 'role', role: r.role }
    case 'head_of': return { type: 'head_of', departmentId: r.departmentId ?? '' }
    case 'levels_up': return { type: 'levels_up', levels: r.levels }
    case 'form_user': return { type: 'form_user', field: r.field }
    case 'manager_chain': return {
      type: 'manager_chain',
      ...(r.upTo ? { upTo: r.upTo } : {}),
      ...(r.untilRole ? { untilRole: r.untilRole } : {}),
    }
    default: return { type: r.type }
  }
}

export function ruleFromWire(w: unknown): RuleDraft {
  const r = (w ?? {}) as Partial<RuleWire> & Record<string, unknown>
  const out = newRule((r.type as RuleType | undefined) ?? 'department_head')
  if (Array.isArray(r.userIds)) out.userIds = r.userIds as string[]
  if (typeof r.role === 'string') out.role = r.role
  if (typeof r.departmentId === 'string') out.departmentId = r.departmentId
  if (typeof r.levels === 'number') out.levels = r.levels
  if (typeof r.field === 'string') out.field = r.field
  if (r.type === 'manager_chain') out.upTo = typeof r.upTo === 'number' ? r.upTo : null
  if (typeof r.untilRole === 'string') out.untilRole = r.untilRole
  return out
}

function stepToWire(s: StepDraft) {
  return {
    name: s.name,
    rule: ruleToWire(s.rule),
    // A manager chain is always signed level by level, whatever was picked before.
    mode: s.rule.type === 'manager_chain' ? ('sequential' as const) : s.mode,
    passRatio: s.mode === 'ratio' ? { numerator: s.numerator, denominator: s.denominator } : null,
    condition: s.condition.trim() || null,
    deadlineHours: s.deadlineHours,
    timeout: s.timeout === 'escalate' ? { action: 'escalate' as const, role: s.timeoutRole } : { action: s.timeout },
    cc: s.cc.map(ruleToWire),
    applicantIsApprover: s.applicantIsApprover,
  }
}

type StepWire = DefinitionDto['steps'][number]

function stepFromWire(s: StepWire): StepDraft {
  const timeout = (s.timeout ?? { action: 'remind' }) as { action: TimeoutKind; role?: string }
  const branches = s.branches ?? []
  return {
    name: s.name, rule: ruleFromWire(s.rule), mode: s.mode ?? 'or',
    numerator: s.passRatio?.numerator ?? 1, denominator: s.passRatio?.denominator ?? 2,
    condition: s.condition ?? '', deadlineHours: s.deadlineHours ?? null,
    timeout: timeout.action, timeoutRole: timeout.role ?? '', cc: (s.cc ?? []).map(ruleFromWire),
    applicantIsApprover: s.applicantIsApprover ?? 'superior',
    branches: branches.map((b) => ({ name: b.name, steps: b.steps.map(stepFromWire) })),
    fieldRights: { ...(s.fieldRights ?? {}) },
    signatureRequired: s.signatureRequired ?? false,
  }
}

/** The definition as the API takes it (blank optional parts left out). */
export function toDefinition(d: TemplateDraft): DefinitionDto {
  const keys = new Set(d.fields.map((f) => f.key))
  // A branch step has the same rights as a top-level one.
  const withRights = (s: StepDraft) => ({
    ...stepToWire(s),
    // Rights of fields no longer in the form are dropped rather than refused on save.
    fieldRights: Object.fromEntries(Object.entries(s.fieldRights).filter(([k]) => keys.has(k))),
    signatureRequired: s.signatureRequired,
  })
  const steps = d.steps.map((s) =>
    s.branches.length
      ? {
          name: s.name,
          condition: s.condition.trim() || null,
          cc: s.cc.map(ruleToWire),
          branches: s.branches.map((b) => ({ name: b.name, steps: b.steps.map(withRights) })),
        }
      : withRights(s),
  )
  const fields = d.fields.map((f) => {
    const out: FieldDef = { key: f.key, label: f.label, kind: f.kind, required: !!f.required }
    for (const k of ['help', 'placeholder', 'min', 'max', 'minLength', 'maxLength', 'computedFrom'] as const) {
      const v = f[k]
      if (v !== null && v !== undefined && v !== '') (out as Record<string, unknown>)[k] = v
    }
    if (f.kind === 'select' || f.kind === 'multi_select') out.options = (f.options ?? []).filter((o) => o.trim())
    if (f.kind === 'line_items') out.columns = (f.columns ?? []).map((c) => ({ ...c }))
    return out
  })
  return {
    form: { fields },
    steps,
    options: {
      autoSkip: d.autoSkip,
      resubmitToReturningStep: d.resubmitToReturningStep,
      fallback: d.fallback ? ruleToWire(d.fallback) : null,
      numberPattern: d.numberPattern.trim() || null,
      ccOnSubmit: d.ccOnSubmit.map(ruleToWire),
      ccOnApproved: d.ccOnApproved.map(ruleToWire),
      ccOnRejected: d.ccOnRejected.map(ruleToWire),
    },
  }
}

export function toTemplateIn(d: TemplateDraft): TemplateIn {
  return {
    code: d.code.trim(), name: d.name.trim(), category: d.category.trim(),
    icon: d.icon.trim() || null, description: d.description.trim() || null,
    definition: toDefinition(d),
    starters: { roles: [...d.starterRoles], departmentIds: [...d.starterDepartments] },
  }
}

export function fromTemplate(t: TemplateOut): TemplateDraft {
  const def = t.definition
  return {
    code: t.code, name: t.name, category: t.category, icon: t.icon, description: t.description ?? '',
    fields: def.form.fields.map((f) => ({ ...f, options: f.options ? [...f.options] : undefined })),
    steps: def.steps.map(stepFromWire),
    autoSkip: def.options?.autoSkip ?? true,
    resubmitToReturningStep: def.options?.resubmitToReturningStep ?? false,
    starterRoles: [...(t.starters?.roles ?? [])],
    starterDepartments: [...(t.starters?.departmentIds ?? [])],
    fallback: def.options?.fallback ? ruleFromWire(def.options.fallback) : null,
    numberPattern: def.options?.numberPattern ?? '',
    ccOnSubmit: (def.options?.ccOnSubmit ?? []).map(ruleFromWire),
    ccOnApproved: (def.options?.ccOnApproved ?? []).map(ruleFromWire),
    ccOnRejected: (def.options?.ccOnRejected ?? []).map(ruleFromWire),
  }
}
