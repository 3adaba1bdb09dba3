import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import { describeRule } from './rule-text'

const t = (key: string, values?: Record<string, unknown>) => i18n.global.t(key, values ?? {})

describe('describeRule', () => {
  it('reads a manager chain limited by levels and a role in Chinese', () => {
    expect(describeRule({ type: 'manager_chain', upTo: 2, untilRole: 'dept_head' }, t, () => '部门负责人')).toBe(
      '从申请人部门负责人起逐级向上，最多 2 级，直到第一位“部门负责人”为止，依次审批',
    )
  })

  it('reads a chain with only a level limit, and one with neither', () => {
    expect(describeRule({ type: 'manager_chain', upTo: 3 }, t)).toBe('从申请人部门负责人起逐级向上，最多 3 级，依次审批')
    expect(describeRule({ type: 'manager_chain' }, t)).toBe('请设置向上几级或直到某角色')
  })

  it('names the other rules by their label', () => {
    expect(describeRule({ type: 'department_head' }, t)).toBe('申请人部门负责人')
  })
})
