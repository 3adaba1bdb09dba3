import { describe, expect, it } from 'vitest'
import type { components } from '@/api/schema'
import { scopeLabel } from './scopeLabel'

type UserOut = components['schemas']['UserOut']

const user = {
  departments: [{ id: 'd-jiaowu', code: 'JW', name: '教务处', primary: true }],
} as unknown as UserOut
const t = (key: string, named?: Record<string, unknown>) => (named ? `${key}:${String(named.name)}` : key)

describe('scopeLabel', () => {
  it('names a department scope by the department the server sent as departmentId', () => {
    expect(scopeLabel({ kind: 'department', departmentId: 'd-jiaowu' }, user, t)).toBe('scope.department:教务处')
  })

  it('names whole-school and own-records scopes without a department', () => {
    expect(scopeLabel({ kind: 'all' }, user, t)).toBe('scope.all')
    expect(scopeLabel({ kind: 'self' }, user, t)).toBe('scope.self')
  })
})
