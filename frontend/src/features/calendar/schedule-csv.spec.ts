import { describe, expect, it } from 'vitest'
import { parseSchedule, rowOf } from './schedule-csv'

describe('parseSchedule', () => {
  it('reads the shipped format, Chinese kinds and full-width commas, skipping the header', () => {
    const text = 'date,kind,name\n2027-01-01,holiday,元旦\n2027-02-06，休，春节\n2027-02-20,班,春节调休上班\n\n'
    expect(parseSchedule(text)).toEqual({
      days: [
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2027-02-06', kind: 'holiday', name: '春节' },
        { date: '2027-02-20', kind: 'workday', name: '春节调休上班' },
      ],
      problems: [],
    })
  })

  it('names every bad line with what is wrong on it', () => {
    const text = '2027-01-01,holiday\n2027-13-01,holiday,元旦\n2027-01-02,rest,元旦\n2027-01-03,休,'
    expect(parseSchedule(text).problems).toEqual([
      { line: 1, reason: 'columns' },
      { line: 2, reason: 'date' },
      { line: 3, reason: 'kind' },
      { line: 4, reason: 'name' },
    ])
  })

  it('maps a server field back to the row it names', () => {
    expect(rowOf('days[3].kind')).toBe(3)
    expect(rowOf('days')).toBeNull()
  })
})
