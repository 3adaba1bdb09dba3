import { describe, expect, it } from 'vitest'
import { createAppI18n, type AppLocale } from '@/i18n'
import type { FieldDef } from './api'
import { describeCondition } from './condition-text'
import { conditionFields } from './test-fixtures'

const fields = conditionFields
const names = { 'u-1': '王老师', 'd-1': '教务处' }

const translators = { 'zh-CN': createAppI18n('zh-CN').global.t, en: createAppI18n('en').global.t }

function say(source: string, locale: AppLocale = 'zh-CN', form: readonly FieldDef[] = fields): string {
  return describeCondition(source, { fields: form, t: translators[locale], locale, names })
}

describe('describeCondition in Chinese', () => {
  it.each([
    ['days > 3', '请假天数大于 3 天'],
    ['days >= 0.5', '请假天数不少于 0.5 天'],
    ['days <= 180', '请假天数不超过 180 天'],
    ['copies < 2', '份数少于 2 份'],
    ['score != 60', '评分不等于 60'],
    ['score == 1000000', '评分等于 1,000,000'],
    ['amount >= 500000', '金额不低于 5,000 元'],
    ['amount > 123456', '金额高于 1,234.56 元'],
    ['amount < 50', '金额低于 0.5 元'],
    ['amount <= 100000000', '金额不高于 1,000,000 元'],
    ["category in ['A', 'B']", '类别为 A 或 B'],
    ["leaveType in ['事假', '病假', '年休假']", '请假类型为事假、病假或年休假'],
    ["leaveType in ['事假']", '请假类型为事假'],
    ["leaveType not in ['事假', '病假']", '请假类型不是事假、病假中的任何一项'],
    ["leaveType not in ['病假']", '请假类型不为病假'],
    ["leaveType == '事假'", '请假类型为事假'],
    ["leaveType == '调休'", '请假类型为“调休”'],
    ["uses contains '科研'", '用途包含科研'],
    ['period.days > 3', '请假时间的天数大于 3 天'],
    ["period.start >= '2026-01-01'", '请假时间的开始日期不早于 2026年1月1日'],
    ["period.end < '2026-12-31'", '请假时间的结束日期早于 2026年12月31日'],
    ["neededBy == '2026-02-30'", '需要日期为“2026-02-30”'],
    ["purpose == '培训'", '事由为“培训”'],
    ["purpose != 'it\\'s'", '事由不为“it\'s”'],
    ["proxy == 'u-1'", '代课人为王老师'],
    ["dept != 'd-1'", '承办部门不为教务处'],
    ["proxy == 'u-unknown'", '代课人为“u-unknown”'],
    ['files', '已填写证明材料'],
    ['not files', '未填写证明材料'],
    ['true', '总是适用'],
    ['false', '从不适用'],
  ])('%s → %s', (source, words) => {
    expect(say(source)).toBe(words)
  })

  it('joins with 且 and 或, and brackets a group inside another', () => {
    expect(say("days > 3 and leaveType == '事假'")).toBe('请假天数大于 3 天 且 请假类型为事假')
    expect(say('days > 3 or amount >= 500000')).toBe('请假天数大于 3 天 或 金额不低于 5,000 元')
    expect(say("(days > 3 or amount >= 500000) and category in ['A', 'B']")).toBe(
      '（请假天数大于 3 天 或 金额不低于 5,000 元）且 类别为 A 或 B',
    )
    expect(say("days > 3 && leaveType == '事假' || files")).toBe('（请假天数大于 3 天 且 请假类型为事假）或 已填写证明材料')
  })

  it('says 非 for a negated condition', () => {
    expect(say("not (leaveType == '病假')")).toBe('非（请假类型为病假）')
    expect(say('!(days > 3 or files)')).toBe('非（请假天数大于 3 天 或 已填写证明材料）')
  })

  it('names a field the form lacks by its key', () => {
    expect(say('level > 2')).toBe('level 大于 2')
    expect(say("title == 'x'", 'zh-CN', [])).toBe('title 为“x”')
  })

  it('falls back to the text as written when it does not parse, and never throws', () => {
    expect(say('days >>> 3')).toBe('条件：days >>> 3')
    expect(say('  ')).toBe('条件：')
    for (const s of ['((', "'", 'a.b.c', 'x in []', '¥', `${'('.repeat(40)}a`, 'days > 3 and', 'amount >= 1e5']) {
      expect(say(s)).toMatch(/^条件：/)
    }
    const odd: FieldDef[] = [{ key: 'days', label: '', kind: 'number' }, { key: 'x', label: '选择', kind: 'select' }]
    expect(say('days > 3', 'zh-CN', odd)).toBe('days 大于 3')
    expect(say("x == 'a'", 'zh-CN', odd)).toBe('选择为“a”')
  })
})

describe('describeCondition on arbitrary text', () => {
  it('never throws and always says something, for thousands of generated inputs', () => {
    // A fixed-seed generator, so a failure names an input that fails again.
    let seed = 20261203
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % n
    }
    const pieces = ['days', 'amount', 'period.days', 'period.start', 'leaveType', 'proxy', 'x', 'not', 'and', 'or', '&&', '||',
      '!', '(', ')', '[', ']', ',', '==', '!=', '>', '>=', '<', '<=', 'in', 'contains', 'true', 'false', '3', '-0.5',
      '500000', "'事假'", "'2026-01-01'", "'u-1'", '"A"', "'", '.', '=', '¥', ' ', '  ', '1e5', 'period.weeks']
    for (let i = 0; i < 3000; i++) {
      const source = Array.from({ length: 1 + next(9) }, () => pieces[next(pieces.length)]).join(' ')
      for (const locale of ['zh-CN', 'en'] as const) {
        const words = say(source, locale)
        expect(typeof words, source).toBe('string')
        expect(words.length, source).toBeGreaterThan(0)
      }
    }
  })
})

describe('describeCondition in English', () => {
  it.each([
    ['days > 3', '请假天数 is more than 3'],
    ['amount >= 500000', '金额 is at least 5,000 yuan'],
    ["category in ['A', 'B', 'C']", '类别 is A, B or C'],
    ["category not in ['A', 'B']", '类别 is none of A, B'],
    ['period.days > 3', 'days of 请假时间 is more than 3 days'],
    ["neededBy > '2026-03-01'", '需要日期 is after March 1, 2026'],
    ["not (days > 3) or files", 'not (请假天数 is more than 3) or 证明材料 is filled in'],
    ['not files', '证明材料 is empty'],
    ['days >', 'Condition: days >'],
  ])('%s → %s', (source, words) => {
    expect(say(source, 'en')).toBe(words)
  })

  it('uses English labels when the form has them', () => {
    const form: FieldDef[] = [{ key: 'days', label: 'Days', kind: 'number' }, { key: 'amount', label: 'Amount', kind: 'money' }]
    expect(say('days > 3 and amount < 100', 'en', form)).toBe('Days is more than 3 and Amount is less than 1 yuan')
  })
})
