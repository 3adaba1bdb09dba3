import { describe, expect, it } from 'vitest'
import { parseCondition } from '../condition/parse'
import { conditionFields } from '../test-fixtures'
import { clauseSource, fromSource, isComplete, newClause, toSource, type Clause, type ConditionModel } from './condition-model'

const fields = conditionFields
const clause = (field: string, op: Clause['op'], value: Clause['value']): Clause => ({ kind: 'clause', field, op, value })

describe('the condition builder model', () => {
  it('writes clauses as the condition language, money in fen and text quoted', () => {
    const model: ConditionModel = {
      join: 'and',
      items: [
        clause('amount', 'ge', 500000),
        clause('leaveType', 'in', ['事假', "it's"]),
        { kind: 'group', join: 'or', clauses: [clause('period.days', 'gt', 3), clause('files', 'empty', null)] },
      ],
    }
    const source = toSource(model)
    expect(source).toBe("amount >= 500000 and leaveType in ['事假', 'it\\'s'] and (period.days > 3 or not files)")
    expect(parseCondition(source).ok).toBe(true)
    expect(fromSource(source, fields)).toEqual(model)
  })

  it('reads back every shape it writes', () => {
    for (const source of [
      'days > 3',
      'days >= 0.5 or amount < 100',
      "leaveType != '病假'",
      "leaveType not in ['事假']",
      "uses contains '科研'",
      "period.start >= '2026-01-01' and period.end <= '2026-12-31'",
      "purpose == 'a\\\\b'",
      'files and period',
      "(days > 3 and leaveType == '事假') or amount >= 500000",
      'days > 3 and (amount >= 500000 and files)',
    ]) {
      const model = fromSource(source, fields)
      expect(model, source).not.toBeNull()
      expect(toSource(model!)).toBe(source)
    }
  })

  it('loads text written by hand in any spelling', () => {
    expect(fromSource('days>3&&!files', fields)).toEqual({ join: 'and', items: [clause('days', 'gt', 3), clause('files', 'empty', null)] })
    expect(fromSource('  ', fields)).toEqual({ join: 'and', items: [] })
  })

  it('leaves to the text editor what it cannot show', () => {
    for (const source of [
      'days >>> 3',
      'true',
      'not (days > 3)',
      'level > 1',
      "days == 'three'",
      'amount >= 0.5',
      "purpose > 'a'",
      'leaveType in [1, 2]',
      "period == 'x'",
      'period.days',
      'uses contains 1',
      "(days > 1 and (amount > 1 or files)) or purpose == 'x'",
      'days == true',
      "period.start > '2026-1-1'",
    ]) {
      expect(fromSource(source, fields), source).toBeNull()
    }
  })

  it('writes an unfinished clause as unfinished text, so saving it is refused', () => {
    for (const c of [newClause(), clause('days', 'gt', null), clause('leaveType', 'in', []), clause('uses', 'contains', null)]) {
      expect(isComplete(c)).toBe(false)
      expect(parseCondition(clauseSource(c)).ok, clauseSource(c)).toBe(false)
    }
    expect(isComplete(clause('files', 'filled', null))).toBe(true)
    expect(toSource({ join: 'and', items: [] })).toBe('')
  })

  it('writes numbers without exponents', () => {
    expect(clauseSource(clause('days', 'lt', 0.0000001))).toBe('days < 0.0000001')
    expect(clauseSource(clause('days', 'gt', 1e21))).toBe('days > 1000000000000000000000')
    expect(clauseSource(clause('days', 'gt', -2))).toBe('days > -2')
  })
})
