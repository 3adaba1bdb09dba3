import { describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { http, HttpResponse } from 'msw'
import type { components } from '@/api/schema'
import { mountAt } from '@/test/helpers'
import { server, useMockServer } from '@/test/server'

useMockServer()

type PublicGuideOut = components['schemas']['PublicGuideOut']

const onboarding: PublicGuideOut = {
  id: '0193a5b2-0000-7000-8000-0000000000c1',
  kind: 'guide',
  category: '人事服务',
  title: '新教职工入职办事指南',
  body: '一、携带身份证\n二、填写入职登记表',
  publishedVersion: 2,
  publishedAt: '2026-09-01T00:00:00Z',
  hasFlowchart: true,
}

describe('PublicGuidesPage', () => {
  it('shows public guides to a visitor without signing in, searches and opens one', async () => {
    const queries: (string | null)[] = []
    server.use(
      http.get('*/api/v1/public/guides', ({ request }) => {
        const q = new URL(request.url).searchParams.get('q')
        queries.push(q)
        const items = q === '报修' ? [] : [onboarding]
        return HttpResponse.json({ items, total: items.length, page: 1, pageSize: 100 })
      }),
    )
    const { wrapper, router } = await mountAt('/public/guides')
    await flushPromises()
    expect(router.currentRoute.value.name).toBe('public-guides')
    expect(wrapper.text()).toContain('新教职工入职办事指南')
    expect(wrapper.text()).toContain('第 2 版')

    await wrapper.get('[data-test="guide"] button').trigger('click')
    const body = wrapper.get('[data-test="guide-body"]')
    expect(body.text()).toContain('填写入职登记表')
    expect(body.get('img').attributes('src')).toBe(`/api/v1/public/guides/${onboarding.id}/flowchart`)

    await wrapper.get('input').setValue('报修')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(queries).toEqual([null, '报修'])
    expect(wrapper.text()).toContain('暂无公开的办事指南')
    wrapper.unmount()
  })
})
