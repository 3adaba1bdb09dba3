import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { freshPinia } from '@/test/helpers'
import { i18n } from '@/i18n'
import ImportDialog, { type ImportCheck } from './ImportDialog.vue'

interface Out {
  errors: ImportCheck['errors']
  rows: number
}

const bad: Out = {
  rows: 2,
  errors: [{ line: 3, field: 'phone', column: '手机', message: '手机号须为 11 位大陆手机号码', messageEn: 'must be a mobile number' }],
}
const good: Out = { rows: 2, errors: [] }

function describeOut(raw: unknown): ImportCheck {
  const out = raw as Out
  return { errors: out.errors, summary: `共 ${out.rows} 行`, ready: out.errors.length === 0 }
}

const q = <T extends Element>(selector: string) => document.body.querySelector<T>(selector)

async function chooseFile(): Promise<void> {
  const input = q<HTMLInputElement>('[data-test="import-file"]')!
  Object.defineProperty(input, 'files', { value: [new File(['x'], '名单.xlsx')], configurable: true })
  input.dispatchEvent(new Event('change'))
  await flushPromises()
}

async function click(selector: string): Promise<void> {
  q<HTMLButtonElement>(selector)!.click()
  await flushPromises()
}

/** The dialog open, a file chosen and checked with `run`. */
async function checked(run: (file: File, dryRun: boolean) => Promise<Out>) {
  const wrapper = mount(ImportDialog, {
    props: { modelValue: true, title: '导入', fileLabel: '文件', accept: '.xlsx', run, describe: describeOut },
    global: { plugins: [freshPinia(), i18n] },
    attachTo: document.body,
  })
  await flushPromises()
  await chooseFile()
  await click('[data-test="import-check"]')
  return wrapper
}

describe('ImportDialog', () => {
  it('checks first, lists every bad row by line and Chinese column, and offers no import', async () => {
    const run = vi.fn(async (_file: File, _dryRun: boolean) => bad)
    const wrapper = await checked(run)
    expect(run).toHaveBeenCalledWith(expect.any(File), true)
    const table = q('[data-test="import-issues"]')?.textContent ?? ''
    expect(table).toContain('3')
    expect(table).toContain('手机')
    expect(table).toContain('手机号须为 11 位大陆手机号码')
    expect(q('[data-test="import-commit"]')).toBeNull()
    wrapper.unmount()
  })

  it('imports everything after a clean check and hands the answer on', async () => {
    const run = vi.fn(async (_file: File, _dryRun: boolean) => good)
    const wrapper = await checked(run)
    expect(q('[data-test="import-summary"]')?.textContent).toContain('共 2 行')
    await click('[data-test="import-commit"]')
    expect(run).toHaveBeenLastCalledWith(expect.any(File), false)
    expect(wrapper.emitted('imported')?.[0]).toEqual([good])
    wrapper.unmount()
  })
})
