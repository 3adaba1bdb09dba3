import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { i18n } from '@/i18n'
import type { FieldDef } from '../api'
import FieldsEditor from './FieldsEditor.vue'

describe('FieldsEditor', () => {
  it('shows and takes the bounds of a money field in yuan, keeping fen in the definition', async () => {
    const fields: FieldDef[] = [{ key: 'amount', label: '报销金额', kind: 'money', min: 100, max: 50_000_000 }]
    const wrapper = mount(FieldsEditor, {
      props: { modelValue: fields, error: () => undefined },
      global: { plugins: [i18n] },
      attachTo: document.body,
    })
    const min = wrapper.find('[data-test="designer-money-min"] input')
    const max = wrapper.find('[data-test="designer-money-max"] input')
    expect((min.element as HTMLInputElement).value).toBe('1.00')
    expect((max.element as HTMLInputElement).value).toBe('500000.00')
    expect(min.attributes('placeholder')).toBe('最小金额（元）')
    await min.setValue('50')
    await min.trigger('blur')
    await flushPromises()
    expect(fields[0]!.min).toBe(5000)
    wrapper.unmount()
  })
})
