import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import RecordTimeline, { type TimelineLine } from './RecordTimeline.vue'
import { i18n } from '@/i18n'

type TimelineEvent = TimelineLine

/** `data` is free-form per module; the generated type says only "an object". */
function event(over: Partial<Omit<TimelineEvent, 'data'>> & { data?: Record<string, unknown> }): TimelineEvent {
  const { data, ...rest } = over
  return { id: crypto.randomUUID(), at: '2026-11-23T01:00:00Z', action: 'comment', ...rest, data: (data ?? {}) as TimelineEvent['data'] }
}

function timeline(events: TimelineEvent[], words: string, fields?: { key: string; kind: string }[]) {
  return mount(RecordTimeline, { props: { events, words, fields }, global: { plugins: [i18n] } })
}

describe('RecordTimeline', () => {
  it('says who did what at which step, how the status moved and what they changed', () => {
    const changes = [{ field: 'amount', label: '金额', before: 100, after: 250 }]
    const wrapper = timeline([
      event({ action: 'submit', actorId: 'u1', actorName: '何老师', toStatus: 'running' }),
      event({ action: 'approve', actorId: 'u2', actorName: '吴处长', stepIndex: 0, stepName: '初审', comment: '同意报销', data: { changes } }),
      event({ action: 'finished', fromStatus: 'running', toStatus: 'approved', data: { status: 'approved' } }),
    ], 'approvals', [{ key: 'amount', kind: 'money' }])
    const lines = wrapper.findAll('.el-timeline-item').map((item) => item.text())
    expect(lines[0]).toContain('何老师 提交申请')
    expect(lines[0]).toContain('状态：审批中')
    expect(lines[1]).toContain('吴处长 同意 · 初审')
    expect(lines[1]).toContain('同意报销')
    expect(wrapper.find('[data-test="event-change"]').text()).toBe('金额：¥1.00 → ¥2.50')
    expect(lines[1]).not.toContain('状态')
    expect(lines[2]).toContain('审批结束')
    expect(lines[2]).toContain('状态：审批中 → 已通过')
    wrapper.unmount()
  })

  it('uses the words of the module it is given, and the raw word where the module has none', () => {
    const wrapper = timeline([event({ action: 'archived', actorName: '李文书', fromStatus: 'active', toStatus: 'inactive' })], 'ui')
    const line = wrapper.find('.el-timeline-item').text()
    expect(line).toContain('李文书 archived')
    expect(line).toContain('状态：启用 → 已停用')
    wrapper.unmount()
  })
})
