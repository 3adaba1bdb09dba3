import type { FieldDef } from './api'
import type { CmpOp, Expr, FieldRef, Literal } from './condition/ast'
import { classify, isApplicantVariable, type ValueClass } from './condition/fields'
import { parseCondition } from './condition/parse'

type Translate = (key: string, named: Record<string, unknown>) => string

/** What wording a condition needs besides its text: the form, the locale, and names for ids. */
export interface ConditionWords {
  fields: readonly FieldDef[]
  t: Translate
  locale: string
  /** Names of the people and departments a condition compares with, by id. */
  names?: Readonly<Record<string, string>>
}

/**
 * A step condition in words, e.g. `days > 3` → 请假天数大于 3 天, `amount >= 500000` → 报销金额不低于
 * 5,000 元, using the form's labels and kinds. Never throws: text that does not parse comes back as
 * "条件：…" with the text as written.
 */
export function describeCondition(source: string, words: ConditionWords): string {
  const parsed = parseCondition(source)
  try {
    if (parsed.ok) return tidy(new Describer(words).expr(parsed.expr, true), words.locale)
  } catch {
    // An unforeseen shape: the neutral fallback below is still true.
  }
  return words.t('approvals.cond.fallback', { source: source.trim() })
}

/**
 * The applicant variables the engine adds to a condition (see the API's condition language):
 * `applicant_department == '教务处'` reads 申请人属于教务处, `applicant_roles contains '校领导'`
 * reads 申请人具有 校领导 角色.
 */
const APPLICANT_COMPARE: Record<string, string> = { applicant_department: 'department', applicant_position: 'position' }
const APPLICANT_CONTAINS: Record<string, string> = { applicant_departments: 'subtree', applicant_roles: 'role' }

const OP_CLASS: Partial<Record<ValueClass, 'num' | 'money' | 'date' | 'text'>> = {
  number: 'num', days: 'num', money: 'money', date: 'date',
}
/** A zh label ending in 天数, 人数… gets its unit after the number: 请假天数大于 3 天. */
const ZH_UNIT = /(天|人|份|次|小时|个|件|本|台|张|箱)数$/
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

class Describer {
  private readonly zh: boolean

  constructor(private readonly w: ConditionWords) {
    this.zh = w.locale.startsWith('zh')
  }

  private t(key: string, named: Record<string, unknown> = {}): string {
    return this.w.t(`approvals.cond.${key}`, named)
  }

  expr(e: Expr, top = false): string {
    switch (e.type) {
      case 'const': return this.t(e.value ? 'always' : 'never')
      case 'truthy': return this.t('filled', { field: this.pad(this.label(e.field)) })
      case 'not':
        if (e.inner.type === 'truthy') return this.t('empty', { field: this.pad(this.label(e.inner.field)) })
        return this.t('not', { x: this.expr(e.inner, true) })
      case 'and':
      case 'or': {
        const text = e.parts.map((p) => this.expr(p)).join(this.t(e.type))
        return top ? text : this.t('group', { x: text })
      }
      case 'compare': return this.compare(e.field, e.op, e.value)
      case 'in': return this.list(e.field, e.items, e.negated)
      case 'contains': {
        const about = APPLICANT_CONTAINS[e.field.key]
        if (about && e.value.kind === 'string') return this.t(`applicant.${about}`, { value: this.pad(e.value.value) })
        return this.t('contains', { field: this.pad(this.label(e.field)), value: this.pad(this.value(e.value, e.field, 'option')) })
      }
    }
  }

  private def(field: FieldRef): FieldDef | undefined {
    return this.w.fields.find((f) => f.key === field.key)
  }

  private cls(field: FieldRef): ValueClass {
    return classify(field, this.def(field))
  }

  private label(field: FieldRef): string {
    if (isApplicantVariable(field.key)) return this.t(`applicant.labels.${field.key}`)
    const label = this.def(field)?.label.trim() || field.key
    return field.part === 'whole' ? label : this.t(`part.${field.part}`, { label })
  }

  private compare(field: FieldRef, op: CmpOp, value: Literal): string {
    const about = APPLICANT_COMPARE[field.key]
    if (about && (op === 'eq' || op === 'ne') && value.kind === 'string') {
      return this.t(`applicant.${about}${op === 'ne' ? 'Not' : ''}`, { value: this.pad(value.value) })
    }
    const cls = this.cls(field)
    const group = OP_CLASS[cls] ?? (cls === 'unknown' && value.kind === 'number' ? 'num' : 'text')
    return this.t('cmp', {
      field: this.pad(this.label(field)),
      op: this.t(`ops.${group}.${op}`),
      value: this.pad(this.value(value, field)),
    })
  }

  private list(field: FieldRef, items: Literal[], negated: boolean): string {
    if (items.length === 1) return this.compare(field, negated ? 'ne' : 'eq', items[0]!)
    const shown = items.map((item) => this.pad(this.value(item, field)))
    const sep = this.t('listSep')
    const text = negated
      ? shown.join(sep)
      : this.t('listOr', { rest: shown.slice(0, -1).join(sep), last: shown[shown.length - 1] })
    return this.t(negated ? 'notIn' : 'in', { field: this.pad(this.label(field)), items: text })
  }

  /** A literal as people read it: yuan, days, a date, an option, a name, or quoted text. */
  private value(v: Literal, field: FieldRef, as?: ValueClass): string {
    const cls = as ?? this.cls(field)
    if (v.kind === 'bool') return this.t(v.value ? 'yes' : 'no')
    if (v.kind === 'number') {
      if (cls === 'money') return this.t('yuan', { n: this.number(v.value / 100, 2) })
      if (cls === 'days') return this.t('days', { n: this.number(v.value) })
      const unit = this.zh && cls === 'number' ? ZH_UNIT.exec(this.def(field)?.label.trim() ?? '')?.[1] : undefined
      return unit ? `${this.number(v.value)} ${unit}` : this.number(v.value)
    }
    const text = v.value
    if (cls === 'date') return this.date(text) ?? this.t('quoted', { text })
    if (cls === 'option' && (this.def(field)?.options ?? []).includes(text)) return text
    if (cls === 'person' || cls === 'department') {
      const name = this.w.names?.[text]
      if (name) return name
    }
    return this.t('quoted', { text })
  }

  private number(n: number, digits = 10): string {
    return new Intl.NumberFormat(this.zh ? 'zh-CN' : 'en-US', { maximumFractionDigits: digits }).format(n)
  }

  private date(text: string): string | null {
    const m = ISO_DATE.exec(text)
    if (!m) return null
    const at = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
    if (at.getUTCDate() !== Number(m[3]) || at.getUTCMonth() !== Number(m[2]) - 1) return null
    return new Intl.DateTimeFormat(this.zh ? 'zh-CN' : 'en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(at)
  }

  /** In Chinese, a space between Han text and Latin letters or digits: 大于 3 天, 为 A 或 B. */
  private pad(text: string): string {
    if (!this.zh) return text
    const start = /^[A-Za-z0-9¥]/.test(text) ? ' ' : ''
    const end = /[A-Za-z0-9]$/.test(text) ? ' ' : ''
    return `${start}${text}${end}`
  }
}

/** Collapses the padding: one space at most, none beside full-width punctuation or at the ends. */
function tidy(text: string, locale: string): string {
  const once = text.replace(/\s+/g, ' ')
  const tight = locale.startsWith('zh') ? once.replace(/\s*([（）“”、，：])\s*/g, '$1') : once
  return tight.trim()
}
