import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { i18n } from '@/i18n'
import { freshPinia } from '@/test/helpers'
import { http, server, useMockServer } from '@/test/server'
import { HttpResponse } from 'msw'
import { reactive } from 'vue'
import { newRule, type RuleDraft } from './draft'
import ChainEditor from './ChainEditor.vue'

useMockServer()

describe('ChainEditor', () => {
  it('offers 向上 N 级 and 直到某角色 in Chinese and reads the chain back in words', async () => {
    server.use(http.get('/api/v1/directory/roles', () => HttpResponse.json([{ code: 'dept_head', name: '部门负责人' }])))
    const rule: RuleDraft = reactive(newRule('manager_chain'))
    const wrapper = mount(ChainEditor, {
      props: { modelValue: rule, 'onUpdate:modelValue': () => {} },
      global: { plugins: [i18n, ElementPlus, freshPinia()] },
    })
    await flushPromises()
    expect(wrapper.text()).toContain('向上')
    expect(wrapper.text()).toContain('直到某角色')
    expect(wrapper.find('[data-test="chain-words"]').text()).toBe('从申请人部门负责人起逐级向上，最多 2 级，依次审批')
    await wrapper.find('[data-test="chain-limited"] input').setValue(false)
    await flushPromises()
    expect(rule.upTo).toBeNull()
    expect(wrapper.find('[data-test="chain-words"]').text()).toBe('请设置向上几级或直到某角色')
    wrapper.unmount()
  })
})
