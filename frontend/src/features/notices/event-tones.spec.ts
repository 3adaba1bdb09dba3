import { describe, expect, it } from 'vitest'
import zhCN from '@/locales/zh-CN'
import en from '@/locales/en'
import { GUIDE_EVENT_TONES, NOTICE_EVENT_TONES } from './event-tones'

const sections = { notices: Object.keys(NOTICE_EVENT_TONES), guides: Object.keys(GUIDE_EVENT_TONES) } as const

describe('the words of the notices and guides timelines', () => {
  for (const [locale, messages] of [['zh-CN', zhCN], ['en', en]] as const) {
    for (const [section, words] of Object.entries(sections)) {
      it(`has a ${locale} label for every ${section} timeline word`, () => {
        const labels = (messages as unknown as Record<string, { events?: Record<string, string> }>)[section]?.events
        expect(words.filter((w) => !labels?.[w])).toEqual([])
      })
    }
  }
})
