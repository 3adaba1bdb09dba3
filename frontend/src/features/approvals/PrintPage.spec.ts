import { describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { http, HttpResponse } from 'msw'
import { useAuthStore } from '@/stores/auth'
import { freshPinia, makeUser, mountAt, tokenOut } from '@/test/helpers'
import { server, useMockServer } from '@/test/server'
import { approval, APPROVAL_ID } from './test-fixtures'

useMockServer()

const decided = approval({
  status: 'approved',
  tasks: [
    {
      id: 'task-2', stepIndex: 1, stepName: '分管校领导审批', cycle: 1, assigneeId: 'u-chen', assigneeName: '陈副校长',
      kind: 'approve', origin: 'rule', status: 'approved', decidedBySystem: false, comment: '同意，注意安全', overdue: false,
      createdAt: '2026-11-23T03:00:00Z', decidedAt: '2026-11-23T05:00:00Z',
    },
    {
      id: 'task-1', stepIndex: 0, stepName: '部门负责人审批', cycle: 1, assigneeId: 'u-wei', assigneeName: '卫主任',
      kind: 'approve', origin: 'rule', status: 'approved', decidedBySystem: false, comment: '同意', overdue: false,
      createdAt: '2026-11-23T01:00:00Z', decidedAt: '2026-11-23T02:00:00Z',
    },
    {
      id: 'task-3', stepIndex: 1, stepName: '分管校领导审批', cycle: 1, assigneeId: 'u-li', assigneeName: '李文书',
      kind: 'cc', origin: 'rule', status: 'read', decidedBySystem: false, overdue: false, createdAt: '2026-11-23T05:00:00Z',
    },
  ],
})

describe('PrintPage', () => {
  it('prints the sheet with every decision in the order made and no copies, and prints on request', async () => {
    server.use(http.get(`*/api/v1/approvals/${APPROVAL_ID}`, () => HttpResponse.json(decided)))
    const pinia = freshPinia()
    useAuthStore().setSession(tokenOut('tok', makeUser({ permissions: ['approval.use'] })))
    const { wrapper } = await mountAt(`/approvals/${APPROVAL_ID}/print`, pinia)
    await flushPromises()
    expect(wrapper.find('[data-test="print-number"]').text()).toBe('SP-2026-00001')
    expect(wrapper.text()).toContain('请假审批单')
    const rows = wrapper.findAll('[data-test="print-decisions"] tbody tr').map((r) => r.text())
    expect(rows).toHaveLength(2)
    expect(rows[0]).toContain('卫主任')
    expect(rows[1]).toContain('同意，注意安全')
    expect(wrapper.find('nav').exists()).toBe(false)
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined)
    await wrapper.find('[data-test="print"]').trigger('click')
    expect(print).toHaveBeenCalledOnce()
    wrapper.unmount()
  })

  it('names the system, not the approver, for a decision taken on timeout', async () => {
    const lapsed = approval({
      status: 'running',
      tasks: [
        {
          id: 'task-9', stepIndex: 0, stepName: '办理', cycle: 1, assigneeId: 'u-li', assigneeName: '李文书',
          kind: 'approve', origin: 'rule', status: 'superseded', decidedBySystem: true, comment: '超时自动通过',
          overdue: true, createdAt: '2026-11-23T01:00:00Z', decidedAt: '2026-11-24T02:00:00Z',
        },
      ],
    })
    server.use(http.get(`*/api/v1/approvals/${APPROVAL_ID}`, () => HttpResponse.json(lapsed)))
    const pinia = freshPinia()
    useAuthStore().setSession(tokenOut('tok', makeUser({ permissions: ['approval.use'] })))
    const { wrapper } = await mountAt(`/approvals/${APPROVAL_ID}/print`, pinia)
    await flushPromises()
    const rows = wrapper.findAll('[data-test="print-decisions"] tbody tr').map((r) => r.text())
    expect(rows).toHaveLength(1)
    expect(rows[0]).toContain('系统（超时代 李文书 处理）')
    wrapper.unmount()
  })
})
