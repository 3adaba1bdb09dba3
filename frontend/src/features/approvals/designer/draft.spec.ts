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

  it('round-trips a template unchanged, so saving without edits publishes no new version', () => {
    const tpl = leaveTemplate()
    const once = toDefinition(fromTemplate(tpl))
    expect(toDefinition(fromTemplate({ ...tpl, definition: once }))).toEqual(once)
    expect(toTemplateIn(fromTemplate(tpl)).definition.steps[1]!.condition).toBe('days > 3')
  })
})
