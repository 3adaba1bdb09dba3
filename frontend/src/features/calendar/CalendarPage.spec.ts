import { describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { HttpResponse } from 'msw'
import { useAuthStore } from '@/stores/auth'
import { freshPinia, makeUser, mountAt, problemResponse, tokenOut } from '@/test/helpers'
import { http, server, useMockServer } from '@/test/server'
import { ymd } from './dates'
import type { components } from '@/api/schema'

useMockServer()

const today = ymd(new Date())

function daysResponse(version: number) {
  return HttpResponse.json<components['schemas']['CalendarDaysOut']>({
    timezone: 'Asia/Shanghai',
    schoolHours: '08:00-12:00,14:00-17:30',
    days: [{ date: today, working: false, dayType: 'holiday', name: '校庆', version }],
  })
}

describe('CalendarPage', () => {
  it('sends the stored version, and reloads after a 409', async () => {
    const bodies: unknown[] = []
    let loads = 0
    server.use(
      http.get('/api/v1/calendar/days', () => daysResponse(++loads)),
      http.get('/api/v1/calendar/years', () => HttpResponse.json({ years: [], missing: null })),
      http.put('/api/v1/calendar/days/{date}', async ({ request }) => {
        bodies.push(await request.json())
        return problemResponse(409, 'version_conflict')
      }),
    )
    const pinia = freshPinia()
    useAuthStore().setSession(tokenOut('tok', makeUser({ permissions: ['calendar.manage'] })))
    const { wrapper } = await mountAt('/calendar', pinia)
    await flushPromises()
    const cell = wrapper.find(`button[data-date="${today}"]`)
    expect(cell.text()).toContain('休')
    expect(cell.text()).toContain('校庆')
    await cell.trigger('click')
    await flushPromises()
    const name = document.querySelector<HTMLInputElement>('#day-name')!
    expect(name.value).toBe('校庆')
    name.value = '校庆日'
    name.dispatchEvent(new Event('input'))
    await flushPromises()
    document.querySelector<HTMLButtonElement>('[data-test="day-save"]')!.click()
    await vi.waitFor(() => expect(bodies).toEqual([{ kind: 'holiday', name: '校庆日', version: 1 }]))
    await vi.waitFor(() => expect(loads).toBe(2))
    wrapper.unmount()
  })

  it('warns that next year is missing and imports a pasted schedule after confirming', async () => {
    const bodies: unknown[] = []
    let missing: number | null = 2027
    server.use(
      http.get('/api/v1/calendar/days', () => daysResponse(1)),
      http.get('/api/v1/calendar/years', () =>
        HttpResponse.json({ years: [{ year: 2027, holidays: missing ? 0 : 1, workdays: 0 }], missing }),
      ),
      http.put('/api/v1/calendar/years/{year}', async ({ request, params }) => {
        bodies.push({ year: params.year, body: await request.json() })
        missing = null
        return HttpResponse.json({ year: 2027, holidays: 1, workdays: 1 })
      }),
    )
    const pinia = freshPinia()
    useAuthStore().setSession(tokenOut('tok', makeUser({ permissions: ['calendar.manage'] })))
    const { wrapper } = await mountAt('/calendar', pinia)
    await flushPromises()
    expect(wrapper.find('[data-test="calendar-missing"]').text()).toContain('还没有 2027 年')
    await wrapper.find('[data-test="import-open"]').trigger('click')
    await flushPromises()
    const area = document.querySelector<HTMLTextAreaElement>('textarea[data-test="import-text"]')!
    area.value = '2027-01-01,休,元旦\n2027-02-20,班,春节调休上班'
    area.dispatchEvent(new Event('input'))
    await flushPromises()
    expect(document.querySelector('[data-test="import-count"]')!.textContent).toContain('共 1 个节假日、1 个调休上班日')
    document.querySelector<HTMLButtonElement>('[data-test="import-submit"]')!.click()
    await flushPromises()
    const confirm = await vi.waitFor(() => {
      const box = document.querySelector<HTMLElement>('.el-message-box')
      if (!box) throw new Error('no confirmation')
      return box
    })
    expect(confirm.textContent).toContain('替换 2027 年')
    confirm.querySelector<HTMLButtonElement>('.el-button--primary')!.click()
    await vi.waitFor(() =>
      expect(bodies).toEqual([
        {
          year: '2027',
          body: {
            days: [
              { date: '2027-01-01', kind: 'holiday', name: '元旦' },
              { date: '2027-02-20', kind: 'workday', name: '春节调休上班' },
            ],
          },
        },
      ]),
    )
    await vi.waitFor(() => expect(wrapper.find('[data-test="calendar-missing"]').exists()).toBe(false))
    wrapper.unmount()
  })
})
