// Typed API answers for the approvals specs (test code only).
import type { ApprovalOut, FieldDef, InboxItem, TemplateOut } from './api'

export const TEMPLATE_ID = '0193a5b2-0000-7000-8000-0000000000t1'
export const APPROVAL_ID = '0193a5b2-0000-7000-8000-0000000000a1'

export const leaveFields: FieldDef[] = [
  { key: 'leaveType', label: '请假类型', kind: 'select', required: true, options: ['事假', '病假'] },
  { key: 'period', label: '请假时间', kind: 'date_range', required: true },
  { key: 'days', label: '请假天数', kind: 'number', required: true, min: 0.5, max: 180, help: '按工作日计算' },
  { key: 'amount', label: '金额', kind: 'money' },
  { key: 'reason', label: '请假事由', kind: 'long_text', required: true, maxLength: 500 },
]

export function leaveTemplate(): TemplateOut {
  return {
    id: TEMPLATE_ID, code: 'leave', name: '请假', category: '人事', icon: 'Calendar', description: '教职工请假',
    starters: {}, active: true, currentVersion: 1, version: 1, updatedAt: '2026-11-20T01:00:00Z', full: true,
    definition: {
      form: { fields: leaveFields },
      steps: [
        { name: '部门负责人审批', rule: { type: 'department_head' } },
        { name: '分管校领导审批', rule: { type: 'applicant_picks' }, condition: 'days > 3' },
      ],
    },
  }
}

export function approval(overrides: Partial<ApprovalOut> = {}): ApprovalOut {
  return {
    id: APPROVAL_ID, number: 'SP-2026-00001', templateId: TEMPLATE_ID, templateCode: 'leave', templateName: '请假',
    templateVersion: 1, applicantId: 'u-he', applicantName: '何老师', title: '何老师的请假', summary: '事假 5 天',
    form: { leaveType: '事假', period: { start: '2026-11-23', end: '2026-11-27' }, days: 5, amount: 123450, reason: '家中有事' },
    formSchema: { fields: leaveFields }, status: 'running', cycle: 1, currentStep: 0, currentStepName: '部门负责人审批',
    submittedAt: '2026-11-23T01:00:00Z', version: 3, attachments: [],
    steps: [
      { index: 0, name: '部门负责人审批', mode: 'or', status: 'current', enteredAt: '2026-11-23T01:00:00Z', branches: [] },
      { index: 1, name: '分管校领导审批', mode: 'or', status: 'waiting', branches: [] },
    ],
    tasks: [{
      id: 'task-1', stepIndex: 0, stepName: '部门负责人审批', cycle: 1, assigneeId: 'u-wei', assigneeName: '卫主任',
      kind: 'approve', origin: 'rule', status: 'pending', decidedBySystem: false, overdue: false, createdAt: '2026-11-23T01:00:00Z',
    }],
    timeline: [{ id: 'e1', at: '2026-11-23T01:00:00Z', action: 'submit', actorName: '何老师', data: {} }],
    actions: ['approve', 'reject', 'return', 'comment'],
    hiddenFields: [], stepFilledFields: [],
    ...overrides,
  }
}

export function inboxItem(overrides: Partial<InboxItem> = {}): InboxItem {
  return {
    instanceId: APPROVAL_ID, number: 'SP-2026-00001', title: '何老师的请假', summary: '事假 5 天', templateName: '请假',
    applicantName: '何老师', instanceStatus: 'running', overdue: false, submittedAt: '2026-11-23T01:00:00Z',
    receivedAt: '2026-11-23T01:00:00Z', stepName: '部门负责人审批', taskId: 'task-1', taskStatus: 'pending',
    ...overrides,
  }
}

/** A form with a field of every kind a condition can test, for the condition specs. */
export const conditionFields: FieldDef[] = [
  { key: 'leaveType', label: '请假类型', kind: 'select', options: ['事假', '病假', '年休假'] },
  { key: 'category', label: '类别', kind: 'select', options: ['A', 'B', 'C'] },
  { key: 'period', label: '请假时间', kind: 'date_range' },
  { key: 'days', label: '请假天数', kind: 'number' },
  { key: 'copies', label: '份数', kind: 'number' },
  { key: 'score', label: '评分', kind: 'number' },
  { key: 'amount', label: '金额', kind: 'money' },
  { key: 'neededBy', label: '需要日期', kind: 'date' },
  { key: 'uses', label: '用途', kind: 'multi_select', options: ['教学', '科研'] },
  { key: 'purpose', label: '事由', kind: 'text' },
  { key: 'proxy', label: '代课人', kind: 'user' },
  { key: 'dept', label: '承办部门', kind: 'department' },
  { key: 'files', label: '证明材料', kind: 'attachments' },
]
