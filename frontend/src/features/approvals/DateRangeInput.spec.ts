import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { i18n } from '@/i18n'
import DateRangeInput from './DateRangeInput.vue'

const desktop = globalThis.matchMedia
let phone = false
beforeEach(() => {
  globalThis.matchMedia = (query: string) => ({ ...desktop(query), matches: phone })
})
afterEach(() => {
  globalThis.matchMedia = desktop
  document.body.innerHTML = ''
})

function mountRange(value: [string, string] | null) {
  const written: ([string, string] | null)[] = []
  const wrapper: VueWrapper = mount(DateRangeInput, {
    props: {
      modelValue: value,
      type: 'date',
      valueFormat: 'YYYY-MM-DD',
      id: 'form-period',
      'onUpdate:modelValue': (v: [string, string] | null) => {
        written.push(v)
        void wrapper.setProps({ modelValue: v })
      },
    },
    global: { plugins: [i18n] },
    attachTo: document.body,
  })
  return { wrapper, written }
}

async function type(wrapper: VueWrapper, id: string, text: string): Promise<void> {
  const input = wrapper.find(`#${id}`)
  await input.setValue(text)
  await input.trigger('change')
  await flushPromises()
}

describe('DateRangeInput', () => {
  it('is one range picker on a desktop', async () => {
    phone = false
    const { wrapper } = mountRange(['2026-12-07', '2026-12-11'])
    await flushPromises()
    expect(wrapper.find('[data-test="range-stacked"]').exists()).toBe(false)
    expect(wrapper.find('.el-range-editor').exists()).toBe(true)
    expect((wrapper.find('#form-period-start').element as HTMLInputElement).value).toBe('2026-12-07')
    wrapper.unmount()
  })

  it('stacks a start and an end picker on a phone, and holds a half-chosen range back', async () => {
    phone = true
    const { wrapper, written } = mountRange(null)
    await flushPromises()
    expect(wrapper.find('[data-test="range-stacked"]').exists()).toBe(true)
    expect(wrapper.find('.el-range-editor').exists()).toBe(false)
    await type(wrapper, 'form-period-start', '2026-12-07')
    expect(written).toEqual([])
    expect((wrapper.find('#form-period-start').element as HTMLInputElement).value).toBe('2026-12-07')
    await type(wrapper, 'form-period-end', '2026-12-11')
    expect(written.at(-1)).toEqual(['2026-12-07', '2026-12-11'])
    await type(wrapper, 'form-period-start', '')
    expect(written.at(-1)).toBeNull()
    await type(wrapper, 'form-period-start', '2026-12-08')
    expect(written.at(-1)).toEqual(['2026-12-08', '2026-12-11'])
    await wrapper.setProps({ modelValue: ['2026-01-05', '2026-01-06'] })
    expect((wrapper.find('#form-period-end').element as HTMLInputElement).value).toBe('2026-01-06')
    await wrapper.setProps({ modelValue: null })
    expect((wrapper.find('#form-period-start').element as HTMLInputElement).value).toBe('')
    wrapper.unmount()
  })
})
