/**
 * A year's holiday schedule as people have it: the lines of the State Council's notice typed or
 * pasted as `日期,类型,名称` (the format of the calendar shipped with Xiaoban), one day per line.
 * The type may be written `holiday`/`workday` or in Chinese (节假日、休、放假 / 调休上班、班、上班).
 */
export interface ScheduleDay {
  date: string
  kind: 'holiday' | 'workday'
  name: string
}

export interface ParsedSchedule {
  days: ScheduleDay[]
  /** 1-based line numbers with what is wrong on each. */
  problems: { line: number; reason: 'columns' | 'date' | 'kind' | 'name' }[]
}

const HOLIDAY = new Set(['holiday', '节假日', '休', '放假', '假'])
const WORKDAY = new Set(['workday', '调休上班', '班', '上班', '调休'])

export function parseSchedule(text: string): ParsedSchedule {
  const days: ScheduleDay[] = []
  const problems: ParsedSchedule['problems'] = []
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim()
    if (!line || line.startsWith('#') || /^date\s*[,，]/i.test(line) || line.startsWith('日期')) return
    const cells = line.split(/[,，\t]/).map((c) => c.trim())
    if (cells.length < 3) return problems.push({ line: i + 1, reason: 'columns' })
    const [date = '', kindText = '', ...rest] = cells
    const name = rest.join(',').trim()
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) return problems.push({ line: i + 1, reason: 'date' })
    const kind = HOLIDAY.has(kindText.toLowerCase()) ? 'holiday' : WORKDAY.has(kindText.toLowerCase()) ? 'workday' : null
    if (!kind) return problems.push({ line: i + 1, reason: 'kind' })
    if (!name) return problems.push({ line: i + 1, reason: 'name' })
    days.push({ date, kind, name })
  })
  return { days, problems }
}

/** `days[3].kind` from the server → the 4th day of the list. */
export function rowOf(field: string): number | null {
  const m = /^days\[(\d+)\]/.exec(field)
  return m ? Number(m[1]) : null
}
