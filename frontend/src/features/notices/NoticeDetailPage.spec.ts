import { describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { HttpResponse } from 'msw'
import { useAuthStore } from '@/stores/auth'
import { freshPinia, makeUser, mountAt, tokenOut } from '@/test/helpers'
import { http, server, useMockServer } from '@/test/server'
import type { NoticeOut } from './api'
import { IT_DEPT, ME_DEPT, notice, NOTICE_ID, receipt } from './test-fixtures'

useMockServer()

const file = { id: '0193a5b2-0000-7000-8000-0000000000f1', name: '检查表.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', size: 20480, sha256: 'ab', ownerId: 'x', createdAt: '2026-12-01T01:00:00Z' }

async function open(first: NoticeOut, permissions: string[], handlers: Parameters<typeof server.use> = []) {
  server.use(http.get('/api/v1/notices/{id}', () => HttpResponse.json(first)), ...handlers)
  const pinia = freshPinia()
  useAuthStore().setSession(tokenOut('tok', makeUser({ permissions })))
  const { wrapper } = await mountAt(`/notices/${NOTICE_ID}`, pinia)
  await flushPromises()
  return wrapper
}

const button = (name: string) => document.querySelector<HTMLButtonElement>(`[data-test="action-${name}"]`)

describe('NoticeDetailPage', () => {
  it('marks the notice read when a reader it reaches opens it, and shows its text and files', async () => {
    let reads = 0
    const wrapper = await open(notice({ attachments: [file] }), ['notice.read'], [
      http.post('/api/v1/notices/{id}/read', () => {
        reads += 1
        return HttpResponse.json(notice({ readAt: '2026-12-02T01:00:00Z', actions: [] }))
      }),
    ])
    expect(reads).toBe(1)
    expect(wrapper.find('[data-test="notice-body"]').text()).toContain('请各系于周四上午前将检查材料送至教务处')
    expect(wrapper.find('[data-test="attachment-list"]').text()).toContain('检查表.xlsx')
    expect(wrapper.find('[data-test="notice-read"]').text()).toBe('已读')
    expect(wrapper.find('[data-test="notice-author"]').text()).toBe('发布人：王主任')
    expect(wrapper.find('[data-test="notice-tabs"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="notice-actions"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('gives the office the buttons it may use, the receipts with a reminder and export, and the timeline', async () => {
    const reminded: string[] = []
    const asked: (string | null)[] = []
    const wrapper = await open(notice({ actions: ['pin', 'remind', 'withdraw'] }), ['notice.read', 'notice.manage'], [
      http.get('/api/v1/directory/departments', () =>
        HttpResponse.json([{ id: IT_DEPT, name: '信息工程系' }, { id: ME_DEPT, name: '机电工程系' }]),
      ),
      http.get('/api/v1/notices/{id}/timeline', () =>
        HttpResponse.json([{ id: 'e1', at: '2026-12-01T02:00:00Z', action: 'publish', actorName: '王主任', fromStatus: 'draft', toStatus: 'published', data: {} }]),
      ),
      http.get('/api/v1/notices/{id}/receipts', ({ request }) => {
        const read = new URL(request.url).searchParams.get('read')
        asked.push(read)
        const items = read === 'true' ? [receipt({ readAt: '2026-12-02T01:00:00Z' })] : [receipt({ userId: 'u2', name: '吕老师' })]
        return HttpResponse.json({ items, total: 1, page: 1, pageSize: 20, audienceCount: 2, readCount: 1 })
      }),
      http.post('/api/v1/notices/{id}/receipts/remind', ({ params }) => {
        reminded.push(params.id)
        return HttpResponse.json({ reminded: 1 })
      }),
    ])
    expect(wrapper.find('[data-test="notice-audience"]').text()).toBe('发送范围：指定部门（信息工程系、机电工程系）')
    expect(button('withdraw')).not.toBeNull()
    expect(button('pin')!.textContent).toContain('置顶')
    expect(button('publish')).toBeNull()
    expect(button('edit')).toBeNull()

    const tabs = wrapper.findAll('.el-tabs__item')
    expect(tabs.map((t) => t.text())).toEqual(['正文', '已读回执', '流转记录'])
    await tabs[1]!.trigger('click')
    await flushPromises()
    const receipts = wrapper.find('[data-test="receipts"]')
    expect(receipts.text()).toContain('已读 1 / 共 2 人')
    expect(receipts.text()).toContain('吕老师')
    expect(receipts.find('[data-test="export"]').exists()).toBe(true)
    await receipts.find('[data-test="receipts-read"] input').setValue(true)
    await flushPromises()
    expect(asked).toEqual(['false', 'true'])
    expect(wrapper.find('[data-test="receipts"]').text()).toContain('何老师')

    await receipts.find('[data-test="remind"]').trigger('click')
    await vi.waitFor(() => expect(document.querySelector('.el-message-box')).not.toBeNull())
    ;[...document.querySelectorAll<HTMLButtonElement>('.el-message-box button')].find((b) => b.textContent?.includes('提醒未读'))!.click()
    await vi.waitFor(() => expect(reminded).toEqual([NOTICE_ID]))

    await wrapper.findAll('.el-tabs__item')[2]!.trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-test="timeline"]').text()).toContain('王主任')
    expect(wrapper.find('[data-test="timeline"]').text()).toContain('状态：草稿 → 已发布')
    wrapper.unmount()
  })

  it('asks before withdrawing, then shows the withdrawn notice', async () => {
    let withdrawn = 0
    const wrapper = await open(notice({ actions: ['pin', 'remind', 'withdraw'] }), ['notice.read', 'notice.manage'], [
      http.get('/api/v1/directory/departments', () =>
        HttpResponse.json([{ id: IT_DEPT, name: '信息工程系' }, { id: ME_DEPT, name: '机电工程系' }]),
      ),
      http.get('/api/v1/notices/{id}/timeline', () => HttpResponse.json([])),
      http.post('/api/v1/notices/{id}/withdraw', () => {
        withdrawn += 1
        return HttpResponse.json(notice({ audience: { kind: 'all' }, status: 'withdrawn', actions: [] }))
      }),
    ])
    button('withdraw')!.click()
    await vi.waitFor(() => expect(document.querySelector('.el-message-box')?.textContent).toContain('确定撤回吗'))
    expect(withdrawn).toBe(0)
    ;[...document.querySelectorAll<HTMLButtonElement>('.el-message-box button')].find((b) => b.textContent?.includes('确定'))!.click()
    await vi.waitFor(() => expect(wrapper.find('[data-test="notice-status"]').text()).toBe('已撤回'))
    expect(withdrawn).toBe(1)
    expect(button('withdraw')).toBeNull()
    wrapper.unmount()
  })
})
