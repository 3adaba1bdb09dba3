import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { HttpResponse } from 'msw'
import { i18n } from '@/i18n'
import { freshPinia, problemResponse } from '@/test/helpers'
import { http, server, useMockServer } from '@/test/server'
import AttachmentsInput from '@/components/AttachmentsInput.vue'
import PersonPicker from '@/components/PersonPicker.vue'

useMockServer()

function choose(input: HTMLInputElement, files: File[]): void {
  Object.defineProperty(input, 'files', { value: files, configurable: true })
  input.dispatchEvent(new Event('change'))
}

describe('AttachmentsInput', () => {
  it('uploads each chosen file as multipart and keeps the ids the server gives', async () => {
    const names: string[] = []
    server.use(
      http.post('/api/v1/files', async ({ request }) => {
        // jsdom's File does not survive the multipart round trip to msw intact, so the order of the
        // calls tells the files apart: the first is stored, the second refused.
        names.push(request.headers.get('content-type') ?? '')
        if (names.length === 2) return problemResponse(415, 'unsupported_file_type')
        return HttpResponse.json({ id: `id-${names.length}`, name: '病假条.txt', contentType: 'text/plain', size: 3, sha256: 'x', ownerId: 'u', createdAt: '2026-11-23T00:00:00Z' }, { status: 201 })
      }),
    )
    const wrapper = mount(AttachmentsInput, {
      props: { modelValue: null, 'onUpdate:modelValue': (v: string[] | null) => wrapper.setProps({ modelValue: v }) },
      global: { plugins: [freshPinia(), i18n] },
    })
    choose(wrapper.find('input[type="file"]').element as HTMLInputElement, [new File(['abc'], '病假条.txt'), new File(['MZ'], 'x.exe')])
    await flushPromises()
    expect(names.length).toBe(2)
    expect(names.every((type) => type.startsWith('multipart/form-data'))).toBe(true)
    expect(wrapper.props('modelValue')).toEqual(['id-1'])
    expect(wrapper.text()).toContain('病假条.txt')
    wrapper.unmount()
  })
})

describe('PersonPicker', () => {
  it('labels a preset person from the address book by id', async () => {
    let asked = ''
    server.use(
      http.get('/api/v1/directory/people', ({ request }) => {
        asked = new URL(request.url).searchParams.get('ids') ?? ''
        return HttpResponse.json([{ id: 'p-1', name: '王主任', departmentName: '综合办公室' }])
      }),
    )
    const wrapper = mount(PersonPicker, { props: { modelValue: 'p-1' }, global: { plugins: [freshPinia(), i18n] } })
    await flushPromises()
    expect(asked).toBe('p-1')
    expect(wrapper.text() + (wrapper.find('input').element as HTMLInputElement).value).toContain('王主任')
    wrapper.unmount()
  })
})
