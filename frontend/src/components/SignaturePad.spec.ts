import { afterEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { i18n } from '@/i18n'
import SignaturePad from '@/components/SignaturePad.vue'

/** jsdom has no 2D canvas: a recording stand-in, so the drawing calls can be checked. */
function fakeContext() {
  const calls: string[] = []
  const ctx = new Proxy({} as Record<string, unknown>, {
    get: (_, name: string) => (...args: unknown[]) => calls.push(`${name}(${args.join(',')})`),
    set: () => true,
  })
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(ctx as unknown as CanvasRenderingContext2D)
  vi.spyOn(HTMLCanvasElement.prototype, 'getBoundingClientRect').mockReturnValue({ left: 0, top: 0, width: 300, height: 100 } as DOMRect)
  vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation(function (done: BlobCallback, type?: string) {
    done(new Blob(['png'], { type }))
  })
  return calls
}

function pointer(type: string, x: number, y: number): Event {
  const e = new Event(type, { bubbles: true, cancelable: true })
  return Object.assign(e, { clientX: x, clientY: y, pointerId: 1 })
}

function mountPad() {
  const wrapper = mount(SignaturePad, {
    props: { modelValue: false, 'onUpdate:modelValue': (v: boolean) => wrapper.setProps({ modelValue: v }) },
    global: { plugins: [i18n] },
  })
  return wrapper
}

async function stroke(canvas: Element, from: [number, number], to: [number, number]) {
  canvas.dispatchEvent(pointer('pointerdown', ...from))
  canvas.dispatchEvent(pointer('pointermove', ...to))
  canvas.dispatchEvent(pointer('pointerup', ...to))
}

afterEach(() => vi.restoreAllMocks())

describe('SignaturePad', () => {
  it('draws strokes from touch or mouse at the canvas resolution and gives them as a PNG', async () => {
    const calls = fakeContext()
    const wrapper = mountPad()
    const canvas = wrapper.find('[data-test="signature-canvas"]').element
    expect(await wrapper.vm.toPng()).toBeNull()
    await stroke(canvas, [10, 10], [150, 50])
    await wrapper.vm.$nextTick()
    expect(wrapper.props('modelValue')).toBe(true)
    // The canvas is 600×200 shown at 300×100: screen points are scaled by two.
    expect(calls).toContain('moveTo(20,20)')
    expect(calls).toContain('lineTo(300,100)')
    const png = await wrapper.vm.toPng()
    expect(png?.type).toBe('image/png')
    expect(wrapper.text()).toContain('已签名')
    wrapper.unmount()
  })

  it('takes back the last stroke, and clears to sign again', async () => {
    fakeContext()
    const wrapper = mountPad()
    const canvas = wrapper.find('[data-test="signature-canvas"]').element
    await stroke(canvas, [10, 10], [20, 20])
    await stroke(canvas, [30, 30], [40, 40])
    expect(wrapper.vm.strokes).toHaveLength(2)
    await wrapper.find('[data-test="signature-undo"]').trigger('click')
    expect(wrapper.vm.strokes).toHaveLength(1)
    expect(wrapper.props('modelValue')).toBe(true)
    await wrapper.find('[data-test="signature-clear"]').trigger('click')
    expect(wrapper.vm.strokes).toHaveLength(0)
    expect(wrapper.props('modelValue')).toBe(false)
    expect(await wrapper.vm.toPng()).toBeNull()
    expect(wrapper.find('[data-test="signature-undo"]').attributes('disabled')).toBeDefined()
    wrapper.unmount()
  })
})
