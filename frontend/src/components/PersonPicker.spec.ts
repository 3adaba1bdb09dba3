import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { HttpResponse } from 'msw'
import { i18n } from '@/i18n'
import { freshPinia, makeUser } from '@/test/helpers'
import { http, server, useMockServer } from '@/test/server'
import PersonPicker from './PersonPicker.vue'

useMockServer()

const HE = '0193a5b2-0000-7000-8000-0000000000e1'

function mountPicker(props: Record<string, unknown>) {
  return mount(PersonPicker, { props, global: { plugins: [freshPinia(), i18n] }, attachTo: document.body })
}

describe('PersonPicker', () => {
  it('labels a value set from outside from the address book, with the department', async () => {
    const asked: (string | null)[] = []
    server.use(
      http.get('/api/v1/directory/people', ({ query }) => {
        asked.push(query.get('ids'))
        return HttpResponse.json([{ id: HE, name: '何老师', departmentName: '信息工程系' }])
      }),
    )
    const wrapper = mountPicker({ modelValue: HE })
    await flushPromises()
    expect(asked).toEqual([HE])
    expect(wrapper.text()).toContain('何老师（信息工程系）')
    wrapper.unmount()
  })

  it('searches the user list with source=users and labels the value from `initial` without asking', async () => {
    const searched: (string | null)[] = []
    server.use(
      http.get('/api/v1/users', ({ query }) => {
        searched.push(query.get('q'))
        return HttpResponse.json({ items: [makeUser({ id: 'u2', name: '李四', username: 'lisi' })], total: 1, page: 1, pageSize: 20 })
      }),
    )
    const wrapper = mountPicker({ modelValue: 'u1', source: 'users', initial: { id: 'u1', name: '张三' } })
    await flushPromises()
    expect(searched).toEqual([])
    expect(wrapper.text()).toContain('张三')
    await wrapper.find('input').trigger('focus')
    await flushPromises()
    expect(searched).toEqual([null])
    expect(document.body.textContent).toContain('李四（lisi）')
    wrapper.unmount()
  })
})
