import { describe, expect, it } from 'vitest'
import zhCN from '@/locales/zh-CN'
import en from '@/locales/en'
import { EVENT_TONES, INSTANCE_STATUS_TONES, REQUEST_ACTIONS, TASK_STATUS_TONES } from './status-words'

const groups = {
  status: Object.keys(INSTANCE_STATUS_TONES),
  taskStatus: Object.keys(TASK_STATUS_TONES),
  events: Object.keys(EVENT_TONES),
  actions: Object.keys(REQUEST_ACTIONS),
} as const

describe('the words of the approvals state machines', () => {
  for (const [locale, messages] of [['zh-CN', zhCN], ['en', en]] as const) {
    for (const [group, words] of Object.entries(groups)) {
      it(`has a ${locale} label for every ${group} word`, () => {
        const labels = (messages.approvals as unknown as Record<string, Record<string, string>>)[group]
        const missing = words.filter((w) => !labels?.[w])
        expect(missing).toEqual([])
      })
    }
  }
})
