import { describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { HttpResponse } from 'msw'
import { useAuthStore } from '@/stores/auth'
import { freshPinia, makeUser, mountAt, tokenOut } from '@/test/helpers'
import { http, server, useMockServer } from '@/test/server'
import type { GuideIn, GuidePatchIn } from './guides-api'
import { guide, GUIDE_ID } from './test-fixtures'

useMockServer()

const flowchart = { id: '0193a5b2-0000-7000-8000-0000000000f2', name: '入职流程图.png', contentType: 'image/png', size: 2048, sha256: 'cd', ownerId: 'x', createdAt: '2026-12-01T01:00:00Z' }

async function open(path: string) {
  const created: GuideIn[] = []
  const patched: GuidePatchIn[] = []
  const published: unknown[] = []
  server.use(
    http.post('/api/v1/files', () => HttpResponse.json(flowchart, { status: 201 })),
    http.post('/api/v1/guides', async ({ request }) => {
      created.push((await request.json()) as GuideIn)
      return HttpResponse.json(guide({ status: 'draft', kind: 'sop', publishedVersion: 0, version: 1, flowchart, actions: ['edit', 'publish'] }), { status: 201 })
    }),
    http.get('/api/v1/guides/{id}', () => HttpResponse.json(guide({ flowchart, actions: ['edit', 'publish', 'withdraw'] }))),
    http.patch('/api/v1/guides/{id}', async ({ request }) => {
      patched.push((await request.json()) as GuidePatchIn)
      return HttpResponse.json(guide({ version: 4, actions: ['edit', 'publish', 'withdraw'] }))
    }),
    http.post('/api/v1/guides/{id}/publish', async ({ request }) => {
      published.push(await request.json())
      return HttpResponse.json(guide({ publishedVersion: 3 }))
    }),
    http.get('/api/v1/guides/{id}/timeline', () => HttpResponse.json([])),
    http.get('/api/v1/files/{id}/content', () => new HttpResponse('png', { headers: { 'Content-Type': 'image/png' } })),
  )
  const pinia = freshPinia()
  useAuthStore().setSession(tokenOut('tok', makeUser({ permissions: ['guide.read', 'guide.manage'] })))
  const { wrapper, router } = await mountAt(path, pinia)
  await flushPromises()
  return { wrapper, router, created, patched, published }
}

describe('GuideEditPage', () => {
  it('writes a manual with its flowchart as a draft', async () => {
    const { wrapper, router, created } = await open('/guides/new')
    await wrapper.find('[data-test="kind-sop"] input').setValue(true)
    await wrapper.find('#guide-category').setValue('公文处理')
    await wrapper.find('#guide-title').setValue('发文流程')
    await wrapper.find('#guide-body').setValue('一、拟稿\n二、核稿')
    const input = wrapper.find<HTMLInputElement>('#guide-flowchart')
    Object.defineProperty(input.element, 'files', { value: [new File(['png'], '入职流程图.png', { type: 'image/png' })] })
    await input.trigger('change')
    await vi.waitFor(() => expect(wrapper.text()).toContain('入职流程图.png'))
    await wrapper.find('[data-test="save-draft"]').trigger('click')
    await vi.waitFor(() => expect(created).toHaveLength(1))
    expect(created[0]).toEqual({ kind: 'sop', category: '公文处理', title: '发文流程', body: '一、拟稿\n二、核稿', isPublic: false, flowchartFileId: flowchart.id })
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('guide-edit'))
    wrapper.unmount()
  })

  it('saves the working copy with its version, leaves the flowchart alone, and publishes it', async () => {
    const { wrapper, router, patched, published } = await open(`/guides/${GUIDE_ID}/edit`)
    expect((wrapper.find('#guide-title').element as HTMLInputElement).value).toBe('新教职工入职办事指南')
    expect(wrapper.text()).toContain('入职流程图.png')
    await wrapper.find('#guide-body').setValue('一、携带身份证\n二、在线填写入职登记表\n三、参加入职培训')
    await wrapper.find('[data-test="publish"]').trigger('click')
    await vi.waitFor(() => expect(document.querySelector('.el-message-box')).not.toBeNull())
    ;[...document.querySelectorAll<HTMLButtonElement>('.el-message-box button')].find((b) => b.textContent?.includes('发布'))!.click()
    await vi.waitFor(() => expect(published).toEqual([{ version: 4 }]))
    expect(patched[0]).toMatchObject({ version: 3, body: '一、携带身份证\n二、在线填写入职登记表\n三、参加入职培训' })
    expect(patched[0]).not.toHaveProperty('flowchartFileId')
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe(`/guides/${GUIDE_ID}`))
    wrapper.unmount()
  })
})
