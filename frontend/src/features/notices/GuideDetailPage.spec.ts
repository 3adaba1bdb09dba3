import { describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { HttpResponse } from 'msw'
import { useAuthStore } from '@/stores/auth'
import { freshPinia, makeUser, mountAt, tokenOut } from '@/test/helpers'
import { http, server, useMockServer } from '@/test/server'
import type { GuideOut } from './guides-api'
import { guide, GUIDE_ID, version } from './test-fixtures'

useMockServer()

const v1 = version(1, '一、携带身份证\n二、到人事处填写入职登记表')
const v2 = version(2, '一、携带身份证\n二、在线填写入职登记表')

async function open(first: GuideOut, permissions: string[]) {
  const diffs: string[] = []
  server.use(
    http.get('/api/v1/guides/{id}', () => HttpResponse.json(first)),
    http.get('/api/v1/guides/{id}/versions', () => HttpResponse.json({ items: [v2, v1] })),
    http.get('/api/v1/guides/{id}/diff', ({ request }) => {
      const q = new URL(request.url).searchParams
      diffs.push(`${q.get('from')}→${q.get('to')}`)
      return HttpResponse.json({
        from: 1,
        to: 2,
        lines: [
          { change: 'same', text: '新教职工入职办事指南' },
          { change: 'same', text: '一、携带身份证' },
          { change: 'removed', text: '二、到人事处填写入职登记表' },
          { change: 'added', text: '二、在线填写入职登记表' },
        ],
      })
    }),
    http.get('/api/v1/guides/{id}/timeline', () =>
      HttpResponse.json([{ id: 'e1', at: '2026-11-01T02:00:00Z', action: 'publish', actorName: '王主任', fromStatus: 'draft', toStatus: 'published', data: {} }]),
    ),
  )
  const pinia = freshPinia()
  useAuthStore().setSession(tokenOut('tok', makeUser({ permissions })))
  const { wrapper } = await mountAt(`/guides/${GUIDE_ID}`, pinia)
  await flushPromises()
  return { wrapper, diffs }
}

describe('GuideDetailPage', () => {
  it('shows a reader the published text, the versions and what the last one changed, line by line', async () => {
    const { wrapper, diffs } = await open(guide(), ['guide.read'])
    expect(wrapper.find('[data-test="guide-body"]').text()).toContain('在线填写入职登记表')
    expect(wrapper.find('[data-test="guide-version"]').text()).toBe('第 2 版')
    expect(wrapper.find('[data-test="guide-actions"]').exists()).toBe(false)
    const tabs = wrapper.findAll('.el-tabs__item')
    expect(tabs.map((t) => t.text())).toEqual(['正文', '历史版本'])

    await tabs[1]!.trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-test="version-2"]').text()).toContain('第 2 版')
    expect(wrapper.find('[data-test="version-1"]').exists()).toBe(true)
    expect(diffs).toEqual(['1→2'])
    const diff = wrapper.find('[data-test="diff"]')
    expect(diff.text()).toContain('第 1 版 → 第 2 版')
    expect(diff.find('[data-test="diff-removed"]').text()).toContain('到人事处填写入职登记表')
    expect(diff.find('[data-test="diff-added"]').text()).toContain('在线填写入职登记表')
    expect(diff.findAll('[data-test="diff-same"]')).toHaveLength(2)
    wrapper.unmount()
  })

  it('gives the office the buttons of its actions and the timeline', async () => {
    const { wrapper } = await open(guide({ actions: ['edit', 'publish', 'withdraw'] }), ['guide.read', 'guide.manage'])
    const actions = wrapper.find('[data-test="guide-actions"]')
    for (const a of ['edit', 'publish', 'withdraw']) expect(actions.find(`[data-test="action-${a}"]`).exists()).toBe(true)
    expect(wrapper.find('[data-test="guide-status"]').text()).toBe('已发布')
    await wrapper.findAll('.el-tabs__item')[2]!.trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-test="timeline"]').text()).toContain('王主任')
    expect(wrapper.find('[data-test="timeline"]').text()).toContain('发布')
    wrapper.unmount()
  })
})
