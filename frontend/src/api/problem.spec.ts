import { describe, expect, it } from 'vitest'
import { fieldErrors, problemDetail, problemMessage } from './problem'
import { createAppI18n } from '@/i18n'

const zh = createAppI18n('zh-CN').global.t as (key: string) => string
const en = createAppI18n('en').global.t as (key: string) => string

const base = { type: 'urn:xiaoban:problem:x', requestId: 'r1' }

describe('problemMessage', () => {
  it('prefers the i18n message for the code', () => {
    const p = { ...base, code: 'invalid_credentials', status: 401, title: 'T', detail: 'D' }
    expect(problemMessage(p, zh)).toBe('用户名或密码错误')
    expect(problemMessage(p, en)).toBe('Wrong username or password')
  })

  it('falls back to detail, then title, for unknown codes', () => {
    expect(problemMessage({ ...base, code: 'idempotency_key_reused', status: 422, title: 'T', detail: 'D' }, zh)).toBe('D')
    expect(problemMessage({ ...base, code: 'route_not_found', status: 404, title: '接口不存在' }, zh)).toBe('接口不存在')
  })

  it('has a message for every code the brief lists', () => {
    const codes = [
      'invalid_credentials', 'account_locked', 'account_disabled', 'rate_limited', 'password_change_required',
      'unauthorized', 'forbidden', 'validation_failed', 'version_conflict', 'not_found', 'internal',
      'service_unavailable',
    ]
    for (const code of codes) {
      expect(problemMessage({ ...base, code, status: 400, title: 'T' }, zh)).not.toBe('T')
      expect(problemMessage({ ...base, code, status: 400, title: 'T' }, en)).not.toBe('T')
    }
  })

  it('names network failures and unknown errors', () => {
    expect(problemMessage(new TypeError('Failed to fetch'), zh)).toBe('无法连接服务器，请检查网络')
    expect(problemMessage('boom', zh)).toBe('操作失败')
  })

  it('exposes detail and field errors', () => {
    const p = {
      ...base,
      code: 'validation_failed',
      status: 422,
      title: 'T',
      detail: '请修改',
      errors: { newPassword: ['太短', '太常见'], oldPassword: ['当前密码不正确'] },
    }
    expect(problemDetail(p)).toBe('请修改')
    expect(fieldErrors(p)).toEqual({ newPassword: '太短；太常见', oldPassword: '当前密码不正确' })
    expect(fieldErrors(new Error('x'))).toEqual({})
  })
})
