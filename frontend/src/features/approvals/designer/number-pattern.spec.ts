import { describe, expect, it } from 'vitest'
import { previewPattern } from './number-pattern'

// The same cases as the domain's numbering tests, so the preview and the server agree.
describe('previewPattern', () => {
  it('prints the year and the padded sequence', () => {
    expect(previewPattern('QJ-{year}-{seq:04}', 2026)).toEqual({ ok: true, example: 'QJ-2026-0001' })
    expect(previewPattern('{year}报销{seq}', 2026, 12)).toEqual({ ok: true, example: '2026报销12' })
    expect(previewPattern('{{{seq}}}', 2026)).toEqual({ ok: true, example: '{1}' })
  })

  it('refuses what the server refuses', () => {
    for (const bad of ['QJ-{year}', 'QJ-{seq}-{seq}', 'QJ-{yr}-{seq}', '{seq:4}', '{seq:013}', '{year}-{seq', '收}{seq}']) {
      expect(previewPattern(bad, 2026).ok, bad).toBe(false)
    }
    expect(previewPattern(`${'请'.repeat(40)}{seq}`, 2026).ok).toBe(false)
  })
})
