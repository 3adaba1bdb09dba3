import { describe, expect, it } from 'vitest'
import { leaveTemplate } from '../test-fixtures'
import { emptyDraft, fromTemplate, newRule, toDefinition, toTemplateIn } from './draft'

describe('designer drafts', () => {
  it('send rules with the camelCase fields the server reads', () => {
    const draft = emptyDraft()
    draft.steps[0]!.rule = { ...newRule('users'), userIds: ['u1'] }
    draft.steps[0]!.cc = [{ ...newRule('head_of'), departmentId: 'd1' }]
    draft.steps[0]!.timeout = 'escalate'
    draft.steps[0]!.timeoutRole = 'office_director'
    const step = toDefinition(draft).steps[0] as unknown as Record<string, unknown>
    expect(step.rule).toEqual({ type: 'users', userIds: ['u1'] })
    expect(step.cc).toEqual([{ type: 'head_of', departmentId: 'd1' }])
    expect(step.timeout).toEqual({ action: 'escalate', role: 'office_director' })
    expect(step.passRatio).toBeNull()
    expect(step.condition).toBeNull()
  })

  it('sends a manager chain with only the limits set, always signed in order', () => {
    const draft = emptyDraft()
    draft.steps[0]!.rule = { ...newRule('manager_chain'), upTo: 3, untilRole: '' }
    draft.steps[0]!.mode = 'all'
    const step = toDefinition(draft).steps[0]!
    expect(step.rule).toEqual({ type: 'manager_chain', upTo: 3 })
    expect(step.mode).toBe('sequential')
    draft.steps[0]!.rule = { ...newRule('manager_chain'), upTo: null, untilRole: 'school_leader' }
    expect(toDefinition(draft).steps[0]!.rule).toEqual({ type: 'manager_chain', untilRole: 'school_leader' })
  })

  it('reads a stored manager chain and a sequential step back unchanged', () => {
    const tpl = leaveTemplate()
    tpl.definition.steps[0] = { ...tpl.definition.steps[0]!, mode: 'sequential', rule: { type: 'manager_chain', untilRole: 'dept_head' } }
    tpl.definition.steps[1] = { ...tpl.definition.steps[1]!, mode: 'sequential', rule: { type: 'users', userIds: ['u-b', 'u-a'] } }
    const draft = fromTemplate(tpl)
    expect(draft.steps[0]!.rule.upTo).toBeNull()
    expect(draft.steps[0]!.rule.untilRole).toBe('dept_head')
    const once = toDefinition(draft)
    expect(once.steps[0]!.rule).toEqual({ type: 'manager_chain', untilRole: 'dept_head' })
    expect(once.steps[1]!.rule).toEqual({ type: 'users', userIds: ['u-b', 'u-a'] })
    expect(once.steps[1]!.mode).toBe('sequential')
  })

  it('round-trips a template unchanged, so saving without edits publishes no new version', () => {
    const tpl = leaveTemplate()
    const once = toDefinition(fromTemplate(tpl))
    expect(toDefinition(fromTemplate({ ...tpl, definition: once }))).toEqual(once)
    expect(toTemplateIn(fromTemplate(tpl)).definition.steps[1]!.condition).toBe('days > 3')
  })

  it('keeps who may start a template and its fallback through an edit', () => {
    const tpl = leaveTemplate()
    tpl.starters = { roles: ['staff'], departmentIds: ['d-it'] }
    tpl.definition.options = { autoSkip: true, resubmitToReturningStep: false, fallback: { type: 'users', userIds: ['u-sun'] } }
    const draft = fromTemplate(tpl)
    draft.steps[0]!.name = '部门负责人审核'
    const body = toTemplateIn(draft)
    expect(body.starters).toEqual({ roles: ['staff'], departmentIds: ['d-it'] })
    expect(body.definition.options?.fallback).toEqual({ type: 'users', userIds: ['u-sun'] })
  })

  it('reads a stored step without the setting as going to the superior and keeps skip and computed days', () => {
    const tpl = leaveTemplate()
    const first = tpl.definition.steps[0] as unknown as Record<string, unknown>
    delete first.applicantIsApprover
    tpl.definition.form.fields = tpl.definition.form.fields.map((f) => (f.key === 'days' ? { ...f, computedFrom: 'period' } : f))
    const draft = fromTemplate(tpl)
    expect(draft.steps[0]!.applicantIsApprover).toBe('superior')
    draft.steps[0]!.applicantIsApprover = 'skip'
    const def = toDefinition(draft)
    expect(def.steps[0]!.applicantIsApprover).toBe('skip')
    expect(def.form.fields.find((f) => f.key === 'days')?.computedFrom).toBe('period')
  })

  it('keep each step\'s field rights and signature switch, dropping rights of removed fields', () => {
    const t = leaveTemplate()
    t.definition.steps[0]!.fieldRights = { amount: 'hidden', reason: 'editable' }
    t.definition.steps[1]!.signatureRequired = true
    const draft = fromTemplate(t)
    expect(draft.steps[0]!.fieldRights).toEqual({ amount: 'hidden', reason: 'editable' })
    expect(draft.steps[1]!.signatureRequired).toBe(true)
    draft.fields = draft.fields.filter((f) => f.key !== 'amount')
    const def = toDefinition(draft)
    expect(def.steps[0]!.fieldRights).toEqual({ reason: 'editable' })
    expect(def.steps[0]!.signatureRequired).toBe(false)
    expect(def.steps[1]!.signatureRequired).toBe(true)
  })
})
