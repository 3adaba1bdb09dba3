import { describe, expect, it } from 'vitest'
import { parseCondition } from './parse'

const ok = (src: string) => {
  const r = parseCondition(src)
  if (!r.ok) throw new Error(`${src}: ${r.message} at ${r.position}`)
  return r.expr
}
const errorAt = (src: string) => {
  const r = parseCondition(src)
  return r.ok ? null : r.position
}

describe('parseCondition', () => {
  it('reads comparisons, lists, contains and bare fields', () => {
    expect(ok('days > 3')).toEqual({ type: 'compare', field: { key: 'days', part: 'whole' }, op: 'gt', value: { kind: 'number', value: 3 } })
    expect(ok("leaveType not in ['事假', \"病假\"]")).toEqual({
      type: 'in', field: { key: 'leaveType', part: 'whole' }, negated: true,
      items: [{ kind: 'string', value: '事假' }, { kind: 'string', value: '病假' }],
    })
    expect(ok("tags contains 'x'")).toMatchObject({ type: 'contains', value: { kind: 'string', value: 'x' } })
    expect(ok('attachments')).toEqual({ type: 'truthy', field: { key: 'attachments', part: 'whole' } })
    expect(ok('period.days >= -0.5')).toMatchObject({ field: { key: 'period', part: 'days' }, op: 'ge', value: { value: -0.5 } })
    expect(ok('urgent == true')).toMatchObject({ value: { kind: 'bool', value: true } })
  })

  it('binds or loosest, then and, then not, and keeps chains flat', () => {
    expect(ok('a or b and not c or d')).toEqual({
      type: 'or',
      parts: [
        { type: 'truthy', field: { key: 'a', part: 'whole' } },
        { type: 'and', parts: [{ type: 'truthy', field: { key: 'b', part: 'whole' } }, { type: 'not', inner: { type: 'truthy', field: { key: 'c', part: 'whole' } } }] },
        { type: 'truthy', field: { key: 'd', part: 'whole' } },
      ],
    })
    expect(ok('(a || b) && !c')).toMatchObject({ type: 'and', parts: [{ type: 'or' }, { type: 'not' }] })
    expect(ok('true')).toEqual({ type: 'const', value: true })
  })

  it('unescapes quotes and backslashes, and counts characters, not bytes', () => {
    expect(ok("reason == 'it\\'s \\\\ \\\"ok\\\"'")).toMatchObject({ value: { value: 'it\'s \\ "ok"' } })
    expect(errorAt("类型 == 'a'")).toBe(0)
    expect(errorAt("type == '😀' and 天")).toBe(16)
  })

  it('refuses what the server refuses, at the same character', () => {
    expect(errorAt('')).toBe(0)
    expect(errorAt('   ')).toBe(0)
    expect(errorAt('days = 3')).toBe(5)
    expect(errorAt('days >>> 3')).toBe(6)
    expect(errorAt('days >')).toBe(6)
    expect(errorAt('days > 3 days')).toBe(9)
    expect(errorAt('(days > 3')).toBe(9)
    expect(errorAt('days > 3.')).toBe(8)
    expect(errorAt('days > 3abc')).toBe(8)
    expect(errorAt("type == 'open")).toBe(8)
    expect(errorAt("type == 'a\\n'")).toBe(10)
    expect(errorAt('period.hours > 1')).toBe(7)
    expect(errorAt('a.b.c')).toBe(3)
    expect(errorAt('and.days > 1')).toBe(0)
    expect(errorAt('in > 1')).toBe(0)
    expect(errorAt('type in []')).toBe(9)
    expect(errorAt('type in [1 2]')).toBe(11)
    expect(errorAt('type in 1')).toBe(8)
    expect(errorAt('a & b')).toBe(2)
    expect(errorAt('a | b')).toBe(2)
    expect(errorAt('period.toString')).toBe(7)
  })

  // The server's own cases (crates/domain/src/approvals/condition/tests/parse.rs), same positions.
  it('agrees with the server on its examples and error positions', () => {
    for (const src of ['days > 3', 'amount >= 500000', "type in ['事假','病假']", 'not (a or b) and c',
      'period.days > 3 && !urgent || type == "病假"', "uses contains '科研'", 'level not in [1, 2, 3]', 'true',
      'x != -1 and y <= 0.5', 'TRUE', Array(100).fill('a').join(' or '), `${'not '.repeat(32)}a`]) ok(src)
    const cases: [string, number][] = [
      ['days > 3 and', 12], ['days > 3)', 8], ['days 3', 5], ["type == '事假", 8], ["type == '事\\n'", 10],
      ['days > 3days', 8], ["type in '事假'", 8], ["type in ['a' 'b']", 13], ["type in ['a',]", 13],
      ['days > 3 & b', 9], ['and', 0], ['days > x', 7], ["type == '事假' and", 16], ['a AND b', 2],
      [`x == '${'字'.repeat(494)}'`, 500], [`${'!'.repeat(33)}a`, 32], [`${'not '.repeat(32)}(a)`, 128],
      [`x in [${Array(101).fill('1').join(',')}]`, 206],
    ]
    for (const [src, position] of cases) expect([src, errorAt(src)]).toEqual([src, position])
    ok(`x == '${'a'.repeat(493)}'`)
  })

  it('keeps the server limits: 500 characters, 32 levels, 100 items', () => {
    expect(errorAt(`a${' '.repeat(499)}`)).toBeNull()
    expect(errorAt(`a${' '.repeat(500)}`)).toBe(500)
    expect(errorAt(`${'('.repeat(32)}a${')'.repeat(32)}`)).toBeNull()
    expect(errorAt(`${'('.repeat(33)}a${')'.repeat(33)}`)).toBe(32)
    expect(errorAt(`${'not '.repeat(33)}a`)).toBe(128)
    const items = (n: number) => `x in [${Array.from({ length: n }, (_, i) => i).join(',')}]`
    expect(errorAt(items(100))).toBeNull()
    expect(errorAt(items(101))).not.toBeNull()
  })

  it('never throws, whatever it is given', () => {
    const samples = ['\u0000', '((((', ']]', "'", '"\\', '-', '-x', '1.2.3', '!', 'not', 'a not b', 'x in [', 'x contains', '¥', '😀 > 1']
    for (const s of samples) expect(parseCondition(s).ok).toBe(false)
  })
})
