import { describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { HttpResponse } from 'msw'
import { useAuthStore } from '@/stores/auth'
import { freshPinia, makeUser, mountAt, problemResponse, tokenOut } from '@/test/helpers'
import { http, server, useMockServer } from '@/test/server'
import { leaveTemplate, TEMPLATE_ID } from '../test-fixtures'

useMockServer()

describe('TemplateEditPage', () => {
  it('shows a server error on a step condition at that step, and flags its tab', async () => {
    let sent: Record<string, unknown> | null = null
    server.use(
      http.get('/api/v1/directory/roles', () => HttpResponse.json([{ code: 'staff', name: '教职工' }])),
      http.get('/api/v1/directory/departments', () => HttpResponse.json([])),
      http.get('/api/v1/approval-templates/{id}', () => HttpResponse.json(leaveTemplate())),
      http.patch('/api/v1/approval-templates/{id}', async ({ request }) => {
        sent = (await request.json()) as Record<string, unknown>
        return problemResponse(422, 'validation_failed', {
          errors: { 'definition.steps[1].condition': ['条件无法解析'] },
        })
      }),
    )
    const pinia = freshPinia()
    useAuthStore().setSession(tokenOut('tok', makeUser({ permissions: ['approval.use', 'approval.template.manage'] })))
    const { wrapper } = await mountAt(`/approvals/templates/${TEMPLATE_ID}`, pinia)
    await flushPromises()
    const builder = wrapper.find('[data-test="designer-builder-1"]')
    expect(builder.find('[data-test="condition-sentence"]').text()).toBe('请假天数大于 3 天')
    await builder.find('[data-test="cond-toggle"]').trigger('click')
    await wrapper.find('[data-test="designer-condition-1"]').setValue('days >>> 3')
    expect(builder.find('[data-test="condition-sentence"]').text()).toBe('条件：days >>> 3')
    await wrapper.find('[data-test="designer-save"]').trigger('click')
    await vi.waitFor(() => expect(wrapper.find('[data-test="designer-step-1"] .el-form-item__error').text()).toBe('条件无法解析'))
    expect(wrapper.find('[data-test="designer-step-0"] .el-form-item__error').exists()).toBe(false)
    expect(wrapper.find('[data-test="designer-tab-steps"]').classes()).toContain('xb-flag')
    const body = (sent as unknown as { definition: { steps: { condition: string }[] }; version: number })
    expect(body.version).toBe(1)
    expect(body.definition.steps[1]!.condition).toBe('days >>> 3')
    wrapper.unmount()
  })
})
