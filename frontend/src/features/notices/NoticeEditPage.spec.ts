import { describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { HttpResponse } from 'msw'
import DepartmentPicker from '@/components/DepartmentPicker.vue'
import { useAuthStore } from '@/stores/auth'
import { freshPinia, makeUser, mountAt, problemResponse, tokenOut } from '@/test/helpers'
import { http, server, useMockServer } from '@/test/server'
import type { NoticeIn } from './api'
import { IT_DEPT, ME_DEPT, notice, NOTICE_ID } from './test-fixtures'

useMockServer()

const departments = [
  { id: '0193a5b2-0000-7000-8000-0000000000d0', name: '示范学校', parentId: null },
  { id: IT_DEPT, name: '信息工程系', parentId: '0193a5b2-0000-7000-8000-0000000000d0' },
  { id: ME_DEPT, name: '机电工程系', parentId: '0193a5b2-0000-7000-8000-0000000000d0' },
]

async function openNew(created: (body: NoticeIn) => Response) {
  const sent: NoticeIn[] = []
  const published: unknown[] = []
  server.use(
    http.get('/api/v1/directory/departments', () => HttpResponse.json(departments)),
    http.post('/api/v1/notices', async ({ request }) => {
      const body = (await request.json()) as NoticeIn
      sent.push(body)
      return created(body)
    }),
    http.post('/api/v1/notices/{id}/publish', async ({ request }) => {
      published.push(await request.json())
      return HttpResponse.json(notice({ actions: ['pin', 'remind', 'withdraw'] }))
    }),
    http.get('/api/v1/notices/{id}', () => HttpResponse.json(notice({ actions: ['pin', 'remind', 'withdraw'] }))),
    http.get('/api/v1/notices/{id}/timeline', () => HttpResponse.json([])),
  )
  const pinia = freshPinia()
  useAuthStore().setSession(tokenOut('tok', makeUser({ permissions: ['notice.read', 'notice.manage'] })))
  const { wrapper, router } = await mountAt('/notices/new', pinia)
  await flushPromises()
  return { wrapper, router, sent, published }
}

async function confirmBox(): Promise<void> {
  await vi.waitFor(() => expect(document.querySelector('.el-message-box')).not.toBeNull())
  const ok = [...document.querySelectorAll<HTMLButtonElement>('.el-message-box button')].find((b) => b.textContent?.includes('发布'))
  ok!.click()
  await flushPromises()
}

describe('NoticeEditPage', () => {
  it('writes a notice to two departments and publishes it', async () => {
    const { wrapper, router, sent, published } = await openNew(() =>
      HttpResponse.json(notice({ status: 'draft', version: 1, actions: ['edit', 'pin', 'publish'] }), { status: 201 }),
    )
    await wrapper.find('#notice-title').setValue('第三周教学常规检查安排')
    await wrapper.find('#notice-body').setValue('请各系于周四上午前将检查材料送至教务处。')
    const radio = wrapper.findAll('[data-test="audience-kind"] input').find((i) => (i.element as HTMLInputElement).value === 'departments')
    await radio!.setValue(true)
    await flushPromises()
    expect(wrapper.text()).toContain('指定部门')
    wrapper.findComponent(DepartmentPicker).vm.$emit('update:modelValue', [IT_DEPT, ME_DEPT])
    await flushPromises()

    await wrapper.find('[data-test="publish"]').trigger('click')
    await confirmBox()
    await vi.waitFor(() => expect(published).toHaveLength(1))
    expect(sent[0]).toMatchObject({
      title: '第三周教学常规检查安排',
      body: '请各系于周四上午前将检查材料送至教务处。',
      audience: { kind: 'departments', departmentIds: [IT_DEPT, ME_DEPT] },
    })
    expect(sent[0]!.audience.roleCodes).toBeUndefined()
    expect(published[0]).toEqual({ version: 1 })
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe(`/notices/${NOTICE_ID}`))
    wrapper.unmount()
  })

  it('asks for the departments before saving, and shows the server field errors at the field', async () => {
    const { wrapper, sent } = await openNew(() =>
      problemResponse(422, 'validation_failed', { errors: { title: ['标题不能超过 200 个字'] } }),
    )
    await wrapper.find('#notice-title').setValue('标题')
    await wrapper.find('#notice-body').setValue('正文')
    const radio = wrapper.findAll('[data-test="audience-kind"] input').find((i) => (i.element as HTMLInputElement).value === 'departments')
    await radio!.setValue(true)
    await wrapper.find('[data-test="save-draft"]').trigger('click')
    await vi.waitFor(() => expect(wrapper.text()).toContain('请选择发送范围'))
    expect(sent).toHaveLength(0)

    const all = wrapper.findAll('[data-test="audience-kind"] input').find((i) => (i.element as HTMLInputElement).value === 'all')
    await all!.setValue(true)
    await wrapper.find('[data-test="save-draft"]').trigger('click')
    await vi.waitFor(() => expect(sent).toHaveLength(1))
    await flushPromises()
    expect(sent[0]!.audience).toEqual({ kind: 'all' })
    await vi.waitFor(() => expect(wrapper.find('.el-form-item.is-error').text()).toContain('标题不能超过 200 个字'))
    wrapper.unmount()
  })

  it("shows a draft's attachments by name and sends the set left after one is removed", async () => {
    const file = { id: '0193a5b2-0000-7000-8000-0000000000f2', name: '作息时间表.pdf', contentType: 'application/pdf', size: 1024, sha256: 'ab', ownerId: 'x', createdAt: '2026-12-01T01:00:00Z' }
    const draft = notice({ status: 'draft', version: 3, actions: ['edit', 'pin', 'publish'], attachments: [file] })
    const patches: unknown[] = []
    server.use(
      http.get('/api/v1/directory/departments', () => HttpResponse.json(departments)),
      http.get('/api/v1/notices/{id}', () => HttpResponse.json(draft)),
      http.patch('/api/v1/notices/{id}', async ({ request }) => {
        patches.push(await request.json())
        return HttpResponse.json({ ...draft, version: 4, attachments: [] })
      }),
    )
    const pinia = freshPinia()
    useAuthStore().setSession(tokenOut('tok', makeUser({ permissions: ['notice.read', 'notice.manage'] })))
    const { wrapper } = await mountAt(`/notices/${NOTICE_ID}/edit`, pinia)
    await flushPromises()
    const list = wrapper.find('[data-test="attachments-input"]')
    expect(list.text()).toContain('作息时间表.pdf')
    await list.find('li button').trigger('click')
    await wrapper.find('[data-test="save-draft"]').trigger('click')
    await vi.waitFor(() => expect(patches).toHaveLength(1))
    expect(patches[0]).toMatchObject({ attachmentIds: [], version: 3 })
    await flushPromises()
    expect(wrapper.find('[data-test="attachments-input"]').text()).not.toContain('作息时间表.pdf')
    wrapper.unmount()
  })
})
