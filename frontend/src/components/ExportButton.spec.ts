import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { useAuthStore } from '@/stores/auth'
import { freshPinia, makeUser, tokenOut } from '@/test/helpers'
import { i18n } from '@/i18n'
import ExportButton from './ExportButton.vue'

afterEach(() => vi.unstubAllGlobals())

describe('ExportButton', () => {
  it('fetches the export with the list filters and the bearer token, and saves it under the server name', async () => {
    const pinia = freshPinia()
    useAuthStore().setSession(tokenOut('tok-1', makeUser({ permissions: ['user.read'] })))
    const fetch = vi.fn(async (_url: string, _init?: RequestInit) =>
      new Response('xlsx', {
        headers: { 'content-disposition': "attachment; filename*=UTF-8''%E7%94%A8%E6%88%B7.xlsx" },
      }),
    )
    vi.stubGlobal('fetch', fetch)
    const saved: string[] = []
    vi.spyOn(HTMLElement.prototype, 'click').mockImplementation(function (this: HTMLElement) {
      if (this instanceof HTMLAnchorElement) saved.push(this.download)
    })
    URL.createObjectURL = vi.fn(() => 'blob:x')
    URL.revokeObjectURL = vi.fn()
    const wrapper = mount(ExportButton, {
      props: {
        path: '/api/v1/users/export.xlsx',
        query: () => ({ page: 2, pageSize: 20, sort: 'name', q: '张', status: 'active' }),
        fileName: '用户名单.xlsx',
      },
      global: { plugins: [pinia, i18n] },
    })
    expect(wrapper.text()).toContain('导出 Excel')
    await wrapper.find('[data-test="export"]').trigger('click')
    await flushPromises()
    await vi.waitFor(() => expect(saved).toEqual(['用户.xlsx']))
    const [url, init] = fetch.mock.calls[0] ?? []
    expect(url).toBe('/api/v1/users/export.xlsx?q=%E5%BC%A0&status=active')
    expect((init?.headers as Record<string, string>).Authorization).toBe('Bearer tok-1')
    wrapper.unmount()
  })

  it('says so when the export fails', async () => {
    const pinia = freshPinia()
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{}', { status: 403 })))
    const wrapper = mount(ExportButton, {
      props: { path: '/api/v1/users/export.xlsx', query: () => ({}), fileName: 'x.xlsx' },
      global: { plugins: [pinia, i18n] },
    })
    await wrapper.find('[data-test="export"]').trigger('click')
    await vi.waitFor(() => expect(document.body.textContent).toContain('导出失败'))
    wrapper.unmount()
  })
})
