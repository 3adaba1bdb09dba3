import { describe, expect, it } from 'vitest'
import { repoFile } from '@/test/repo-file'
import zhCN from './zh-CN'

// The user guide names the approval buttons, screens and timeline entries in 「」; each must be
// what the app shows.
const guide = await repoFile('docs/user-guide/zh-CN.md')
const section = guide.slice(guide.indexOf('## 8. 审批'), guide.indexOf('\n## ', guide.indexOf('## 8. 审批') + 1))

const { approvals, nav, designer } = zhCN

describe('the user guide and the approval buttons', () => {
  it('uses the same word for each action it names', () => {
    const named = [...section.matchAll(/「([^」]+)」/g)].map((m) => m[1])
    const shown = [...Object.values(approvals.actions), ...Object.values(approvals.events), approvals.title,
      approvals.start, approvals.boxes.pending, approvals.delegations.open, nav.approvalTemplates,
      approvals.batch.approve, approvals.batch.reject, approvals.submit, approvals.drafts.save,
      approvals.drafts.open, approvals.drafts.resume, approvals.drafts.delete, approvals.boxes.cc,
      approvals.lineItems.addRow, designer.parallel.addBlock, designer.parallel.addBranch]
    for (const word of named) expect(shown, `「${word}」`).toContain(word)
    for (const action of ['cancel', 'withdraw', 'recall', 'resubmit', 'urge'] as const) {
      expect(named, approvals.actions[action]).toContain(approvals.actions[action])
    }
    expect(approvals.actions.cancel).toBe('撤销申请')
    expect(approvals.status.cancelled).toBe('已撤销')
  })
})
