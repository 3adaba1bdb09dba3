import { describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { HttpResponse } from 'msw'
import { useAuthStore } from '@/stores/auth'
import { freshPinia, makeUser, mountAt, problemResponse, tokenOut } from '@/test/helpers'
import { http, server, useMockServer } from '@/test/server'
import type { DepartmentOut } from './api'

useMockServer()

const root: DepartmentOut = { id: 'd1', code: 'xb', name: '校办', parentId: null, active: true, memberCount: 3, sortOrder: 0, version: 1 }
const child: DepartmentOut = { id: 'd2', code: 'jwc', name: '教务处', parentId: 'd1', active: true, memberCount: 5, sortOrder: 0, version: 4 }
const gone: DepartmentOut = { id: 'd3', code: 'old', name: '旧科室', parentId: 'd1', active: false, memberCount: 0, sortOrder: 1, version: 2 }

describe('DepartmentListPage', () => {
  it('shows the tree, hides inactive ones by default, and shows a 422 parentId error under the field', async () => {
    let patched: unknown = null
    server.use(
      // As the server does: inactive ones only when asked for.
      http.get('/api/v1/departments', ({ request }) => {
        const all = new URL(request.url).searchParams.get('includeInactive') === 'true'
        return HttpResponse.json(all ? [root, child, gone] : [root, child])
      }),
      http.patch('/api/v1/departments/{id}', async ({ request }) => {
        patched = await request.json()
        return problemResponse(422, 'validation_failed', {
          detail: '请修改标注的字段后重新提交',
          errors: { parentId: ['不能移到自己或自己的下级部门之下'] },
        })
      }),
    )
    const pinia = freshPinia()
    useAuthStore().setSession(tokenOut('tok', makeUser({ permissions: ['department.read', 'department.manage'] })))
    const { wrapper } = await mountAt('/admin/departments', pinia)
    await flushPromises()
    expect(wrapper.text()).toContain('校办')
    expect(wrapper.text()).toContain('教务处')
    expect(wrapper.text()).not.toContain('旧科室')
    await wrapper.find('[data-test="show-inactive"]').trigger('click')
    await flushPromises()
    expect(wrapper.text(), 'the switch shows the deactivated department').toContain('旧科室')
    await wrapper.find('[data-test="show-inactive"]').trigger('click')
    await flushPromises()

    await wrapper.find('[data-test="move-jwc"]').trigger('click')
    await flushPromises()
    ;(document.querySelector('[data-test="form-submit"]') as HTMLButtonElement).click()
    await flushPromises()
    expect(patched).toEqual({ parentId: 'd1', version: 4 })
    const error = () => document.querySelector('[data-test="parent-item"] .el-form-item__error')?.textContent?.trim()
    await vi.waitFor(() => expect(error()).toBe('不能移到自己或自己的下级部门之下'))
    wrapper.unmount()
  })

  it('shows and keeps the leader in charge (分管校领导) when a department is edited', async () => {
    let patched: Record<string, unknown> | null = null
    const led: DepartmentOut = { ...child, leaderUserId: 'u-chen', leaderName: '陈副校长', headUserId: 'u-liu', headName: '刘处长' }
    server.use(
      http.get('/api/v1/departments', () => HttpResponse.json([root, led])),
      http.patch('/api/v1/departments/{id}', async ({ request }) => {
        patched = (await request.json()) as Record<string, unknown>
        return HttpResponse.json({ ...led, version: 5 })
      }),
    )
    const pinia = freshPinia()
    useAuthStore().setSession(tokenOut('tok', makeUser({ permissions: ['department.read', 'department.manage'] })))
    const { wrapper } = await mountAt('/admin/departments', pinia)
    await flushPromises()
    expect(wrapper.text()).toContain('分管校领导')
    expect(wrapper.text()).toContain('陈副校长')
    await wrapper.find('[data-test="edit-jwc"]').trigger('click')
    await flushPromises()
    expect(document.body.textContent).toContain('部门负责人本人的申请交给分管校领导审批')
    ;(document.querySelector('[data-test="form-submit"]') as HTMLButtonElement).click()
    await vi.waitFor(() => expect(patched).not.toBeNull())
    expect(patched).toMatchObject({ headUserId: 'u-liu', leaderUserId: 'u-chen', version: 4 })
    wrapper.unmount()
  })

  it('searches on the server and shows what it found with its parents', async () => {
    let asked: string | null = null
    server.use(
      http.get('/api/v1/departments', ({ request }) => {
        const q = new URL(request.url).searchParams.get('q')
        if (q) asked = q
        return HttpResponse.json(q ? [root, child] : [root, child, { ...gone, active: true, name: '档案室' }])
      }),
    )
    const pinia = freshPinia()
    useAuthStore().setSession(tokenOut('tok', makeUser({ permissions: ['department.read'] })))
    const { wrapper } = await mountAt('/admin/departments', pinia)
    await flushPromises()
    expect(wrapper.text()).toContain('档案室')
    const input = wrapper.find('input[data-test="department-search"]')
    await input.setValue('教务')
    await input.trigger('keyup', { key: 'Enter' })
    await flushPromises()
    expect(asked).toBe('教务')
    expect(wrapper.text()).toContain('教务处')
    expect(wrapper.text()).not.toContain('档案室')
    wrapper.unmount()
  })
})
