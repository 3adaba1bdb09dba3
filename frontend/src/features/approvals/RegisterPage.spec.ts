import { describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { HttpResponse } from 'msw'
import { useAuthStore } from '@/stores/auth'
import { freshPinia, makeUser, mountAt, tokenOut } from '@/test/helpers'
import { http, server, useMockServer } from '@/test/server'
import type { RegisterItem } from './register-api'
import { exportQuery } from '@/api/download'

useMockServer()

const row: RegisterItem = {
  id: '0193a5b2-0000-7000-8000-0000000000c1',
  number: 'SP-2026-00017',
  title: '请假（何老师）',
  templateName: '请假',
  applicantName: '何老师',
  departmentName: '信息工程系',
  status: 'running',
  statusLabel: '审批中',
  currentStepName: '部门负责人审批',
  submittedAt: '2026-09-14T01:00:00Z',
  finishedAt: null,
  overdue: true,
}

async function open(seen: URL[]) {
  server.use(
    http.get('/api/v1/approvals', ({ request }) => {
      seen.push(new URL(request.url))
      return HttpResponse.json({ items: [row], total: 1, page: 1, pageSize: 20 })
    }),
    http.get('/api/v1/approval-templates', () => HttpResponse.json([])),
    http.get('/api/v1/directory/departments', () => HttpResponse.json([])),
    http.get('/api/v1/directory/people', () => HttpResponse.json([])),
  )
  const pinia = freshPinia()
  useAuthStore().setSession(tokenOut('tok', makeUser({ permissions: ['approval.use', 'approval.admin'] })))
  const { wrapper } = await mountAt('/approvals/register', pinia)
  await flushPromises()
  await flushPromises()
  return wrapper
}

describe('RegisterPage', () => {
  it('lists the requests newest first with their department, step and an overdue mark', async () => {
    const seen: URL[] = []
    const wrapper = await open(seen)
    expect(seen[0]?.searchParams.get('sort')).toBe('-submittedAt')
    expect(wrapper.text()).toContain('SP-2026-00017')
    expect(wrapper.text()).toContain('信息工程系')
    expect(wrapper.text()).toContain('部门负责人审批')
    expect(wrapper.text()).toContain('已超时')
    expect(wrapper.find('[data-test="export"]').text()).toContain('导出 Excel')
    wrapper.unmount()
  })

  it('sends the overdue filter when ticked and searches from page 1', async () => {
    const seen: URL[] = []
    const wrapper = await open(seen)
    await wrapper.find('[data-test="overdue"] input').setValue(true)
    await flushPromises()
    const last = seen[seen.length - 1]
    expect(last?.searchParams.get('overdue')).toBe('true')
    expect(last?.searchParams.get('page')).toBe('1')
    wrapper.unmount()
  })
})

describe('exportQuery', () => {
  it('keeps the keyword and filters and drops paging and sort', () => {
    const params = exportQuery({ page: 3, pageSize: 50, sort: 'number', q: '请假', status: 'running' })
    expect(params.toString()).toBe('q=%E8%AF%B7%E5%81%87&status=running')
  })
})
