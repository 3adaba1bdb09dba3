import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { HttpResponse } from 'msw'
import DemoBanner from './DemoBanner.vue'
import { i18n } from '@/i18n'
import { freshPinia } from '@/test/helpers'
import { http, server, useMockServer } from '@/test/server'

useMockServer()

async function banner(demo: boolean) {
  server.use(http.get('/api/v1/site', () => HttpResponse.json({ demo })))
  const wrapper = mount(DemoBanner, { global: { plugins: [i18n, freshPinia()] } })
  await flushPromises()
  return wrapper
}

describe('DemoBanner', () => {
  it('marks the demo school as 演示环境 so nobody enters real data', async () => {
    const wrapper = await banner(true)
    expect(wrapper.find('[data-test="demo-banner"]').text()).toContain('演示环境')
    expect(wrapper.text()).toContain('请勿录入真实信息')
  })

  it('shows nothing on a school’s real system', async () => {
    const wrapper = await banner(false)
    expect(wrapper.find('[data-test="demo-banner"]').exists()).toBe(false)
  })
})
