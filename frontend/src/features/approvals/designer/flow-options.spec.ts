import { describe, expect, it } from 'vitest'
import { leaveTemplate } from '../test-fixtures'
import { fromTemplate, newRule, toDefinition } from './draft'

describe('the template-level options in the designer draft', () => {
  it('sends the number pattern and the three copy lists, and reads them back', () => {
    const d = fromTemplate(leaveTemplate())
    expect(d.numberPattern).toBe('')
    expect(toDefinition(d).options?.numberPattern).toBeNull()
    d.numberPattern = ' QJ-{year}-{seq:04} '
    d.ccOnRejected.push({ ...newRule('role'), role: 'office_clerk' })
    d.ccOnSubmit.push({ ...newRule('users'), userIds: ['u-wang'] })
    const def = toDefinition(d)
    expect(def.options).toMatchObject({
      numberPattern: 'QJ-{year}-{seq:04}',
      ccOnSubmit: [{ type: 'users', userIds: ['u-wang'] }],
      ccOnApproved: [],
      ccOnRejected: [{ type: 'role', role: 'office_clerk' }],
    })
    const back = fromTemplate({ ...leaveTemplate(), definition: def })
    expect(back.numberPattern).toBe('QJ-{year}-{seq:04}')
    expect(back.ccOnRejected[0]?.role).toBe('office_clerk')
    expect(back.ccOnSubmit[0]?.userIds).toEqual(['u-wang'])
  })
})
