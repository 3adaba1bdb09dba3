import { describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { HttpResponse } from 'msw'
import { useAuthStore } from '@/stores/auth'
import { freshPinia, makeUser, mountAt, tokenOut } from '@/test/helpers'
import { http, server, useMockServer } from '@/test/server'
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
    server.use(http.get('/api/v1/approvals/{id}', () => HttpResponse.json(decided)))
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

  it('shows each signed decision with the signer\'s handwritten signature', async () => {
    const signed = approval({
      status: 'approved',
      tasks: [{ ...decided.tasks[1]!, signatureFileId: 'sig-1' }, { ...decided.tasks[0]! }],
    })
    let fetched = ''
    server.use(
      http.get('/api/v1/approvals/{id}', () => HttpResponse.json(signed)),
      // The document declares the content as text; the picture's bytes go past the typed helper.
      http.untyped.get('*/api/v1/files/:id/content', ({ params, request }) => {
        fetched = `${String(params.id)} ${request.headers.get('authorization')}`
        return new HttpResponse(new Uint8Array([0x89, 0x50]), { headers: { 'Content-Type': 'image/png' } })
      }),
    )
    const objectUrl = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:signature')
    const pinia = freshPinia()
    useAuthStore().setSession(tokenOut('tok', makeUser({ permissions: ['approval.use'] })))
    const { wrapper } = await mountAt(`/approvals/${APPROVAL_ID}/print`, pinia)
    await vi.waitFor(() => expect(wrapper.findAll('[data-test="signature-image"]')).toHaveLength(1))
    const rows = wrapper.findAll('[data-test="print-decisions"] tbody tr')
    expect(rows[0]!.text()).toContain('卫主任')
    expect(rows[0]!.find('[data-test="signature-image"]').attributes('src')).toBe('blob:signature')
    expect(rows[1]!.find('[data-test="signature-image"]').exists()).toBe(false)
    expect(fetched).toBe('sig-1 Bearer tok')
    objectUrl.mockRestore()
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
    server.use(http.get('/api/v1/approvals/{id}', () => HttpResponse.json(lapsed)))
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
