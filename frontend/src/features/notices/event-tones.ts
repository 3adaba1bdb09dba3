import type { components } from '@/api/schema'
import type { TagType as Tone } from '@/components/status-palette'

type S = components['schemas']

/**
 * Each timeline word's colour. Exhaustive over the generated unions: a word the server adds is a
 * type error here until it has one, and `event-tones.spec.ts` checks its labels in both languages.
 */
export const NOTICE_EVENT_TONES: Record<S['NoticeEvent'], Tone> = {
  create: 'primary',
  edit: 'primary',
  publish: 'success',
  pin: 'primary',
  withdraw: 'warning',
  read: 'info',
  remind: 'primary',
}

export const GUIDE_EVENT_TONES: Record<S['GuideEvent'], Tone> = {
  create: 'primary',
  edit: 'primary',
  publish: 'success',
  withdraw: 'warning',
  review_reminded: 'warning',
}
