import { describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { http, HttpResponse } from 'msw'
import { useAuthStore } from '@/stores/auth'
import { freshPinia, makeUser, mountAt, problemResponse, tokenOut } from '@/test/helpers'
import { server, useMockServer } from '@/test/server'
import { ymd } from './dates'

useMockServer()

const today = ymd(new Date())

function daysResponse(version: number) {
  return HttpResponse.json({
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
      http.get('*/api/v1/calendar/days', () => daysResponse(++loads)),
      http.put('*/api/v1/calendar/days/:date', async ({ request }) => {
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
})
