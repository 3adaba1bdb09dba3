import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { HttpResponse } from 'msw'
import { useAuthStore } from '@/stores/auth'
import { freshPinia, makeUser, mountAt, tokenOut } from '@/test/helpers'
import { http, server, useMockServer } from '@/test/server'
import type { ApprovalOut } from './api'
import { approval, APPROVAL_ID, leaveTemplate } from './test-fixtures'

useMockServer()
afterEach(() => vi.restoreAllMocks())

async function open(first: ApprovalOut, sent: { approve: unknown; uploads: number }) {
  server.use(
    http.get('/api/v1/approvals/{id}', () => HttpResponse.json(first)),
    http.get('/api/v1/approval-templates/{id}', () => HttpResponse.json(leaveTemplate())),
    http.post('/api/v1/files', () => {
      sent.uploads += 1
      return HttpResponse.json({ id: 'sig-1', name: 'signature.png', contentType: 'image/png', size: 3, sha256: 'x', ownerId: 'u-wei', createdAt: '2026-11-23T00:00:00Z' }, { status: 201 })
    }),
    http.post('/api/v1/approvals/{id}/approve', async ({ request }) => {
      sent.approve = await request.json()
      return HttpResponse.json(approval({ actions: [] }))
    }),
  )
  const pinia = freshPinia()
  useAuthStore().setSession(tokenOut('tok', makeUser({ permissions: ['approval.use'] })))
  const { wrapper } = await mountAt(`/approvals/${APPROVAL_ID}`, pinia)
  await flushPromises()
  return wrapper
}

function fakeCanvas(): void {
  const ctx = new Proxy({}, { get: () => () => undefined, set: () => true })
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(ctx as CanvasRenderingContext2D)
  vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation((done: BlobCallback) => done(new Blob(['png'], { type: 'image/png' })))
}

function draw(canvas: Element): void {
  for (const type of ['pointerdown', 'pointermove', 'pointerup']) {
    canvas.dispatchEvent(Object.assign(new Event(type, { bubbles: true, cancelable: true }), { clientX: 5, clientY: 5, pointerId: 1 }))
  }
}

describe('approving under the step\'s field rights', () => {
  it('asks for the fields the step edits or fills and for a signature, and sends them with the approval', async () => {
    fakeCanvas()
    const sent = { approve: null as unknown, uploads: 0 }
    const mine = approval({ myDecision: { editableFields: ['amount'], requiredFields: ['reason'], signatureRequired: true } })
    const wrapper = await open(mine, sent)
    document.querySelector<HTMLButtonElement>('[data-test="action-approve"]')!.click()
    await vi.waitFor(() => expect(document.querySelector('[data-test="signature-canvas"]')).not.toBeNull())
    const dialog = document.querySelector('[data-test="signature-canvas"]')!.closest('.el-dialog')!
    const labels = [...dialog.querySelectorAll('.el-form-item__label')].map((l) => l.textContent?.trim())
    expect(labels).toEqual(expect.arrayContaining(['金额', '请假事由', '手写签名']))
    expect(labels).not.toContain('请假类型')
    draw(dialog.querySelector('[data-test="signature-canvas"]')!)
    document.querySelector<HTMLButtonElement>('[data-test="form-submit"]')!.click()
    await vi.waitFor(() => expect(sent.approve).not.toBeNull())
    expect(sent.uploads).toBe(1)
    expect(sent.approve).toEqual({
      version: 3, comment: null, form: { amount: 123450, reason: '家中有事' }, signatureFileId: 'sig-1',
    })
    wrapper.unmount()
  })

  it('says a hidden field is hidden instead of showing a value', async () => {
    const sent = { approve: null as unknown, uploads: 0 }
    const form = { leaveType: '事假', days: 5, reason: '家中有事' }
    const wrapper = await open(approval({ form: form, hiddenFields: ['amount'] }), sent)
    expect(wrapper.find('[data-test="value-amount"]').text()).toBe('（本步骤不可见）')
    expect(wrapper.find('[data-test="value-reason"]').text()).toBe('家中有事')
    wrapper.unmount()
  })
})
