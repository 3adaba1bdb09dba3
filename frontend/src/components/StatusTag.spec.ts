import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { i18n } from '@/i18n'
import { approvalPalette } from '@/features/approvals/status-palette'
import type { StatusPalette } from './status-palette'
import StatusTag from './StatusTag.vue'

const tag = (props: { status: string; palette?: StatusPalette }) => mount(StatusTag, { props, global: { plugins: [i18n] } })

describe('StatusTag', () => {
  it('shows an account status in words and colour by default', () => {
    const locked = tag({ status: 'locked' })
    expect(locked.text()).toBe('已锁定')
    expect(locked.classes()).toContain('el-tag--danger')
  })

  it('takes its words and colours from the palette it is given', () => {
    const returned = tag({ status: 'returned', palette: approvalPalette })
    expect(returned.text()).toBe('已退回')
    expect(returned.classes()).toContain('el-tag--warning')
  })

  it('shows an unknown status as it came, in the palette’s fallback colour', () => {
    const odd = tag({ status: 'archived', palette: approvalPalette })
    expect(odd.text()).toBe('archived')
    expect(odd.classes()).toContain('el-tag--info')
  })
})
