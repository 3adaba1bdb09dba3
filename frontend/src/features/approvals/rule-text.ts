/** An approver rule in words, for the designer and anyone reading a template. */
type Translate = (key: string, values?: Record<string, unknown>) => string

export interface RuleLike {
  type: string
  levels?: number | null
  upTo?: number | null
  untilRole?: string | null
  userIds?: readonly string[]
}

/**
 * 连续多级主管：从申请人部门负责人起逐级向上，最多 2 级，直到第一位“部门负责人”为止（依次审批）.
 * `roleName` turns a role code into its name when the caller knows it.
 */
export function describeRule(rule: RuleLike, t: Translate, roleName: (code: string) => string = (c) => c): string {
  if (rule.type !== 'manager_chain') return t(`designer.rules.${rule.type}`)
  const limits: string[] = []
  if (rule.upTo) limits.push(t('designer.chainText.upTo', { n: rule.upTo }))
  if (rule.untilRole) limits.push(t('designer.chainText.until', { role: roleName(rule.untilRole) }))
  if (limits.length === 0) return t('designer.chainText.unlimited')
  return t('designer.chainText.base', { limits: limits.join(t('designer.chainText.join')) })
}
