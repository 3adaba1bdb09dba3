import { describe, expect, it } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { createAppRouter } from '@/router'
import { buildMenu, type MenuEntry } from './menu'

const records = createAppRouter(createMemoryHistory()).getRoutes()

function titles(entries: MenuEntry[]): string[] {
  return entries.flatMap((e) => (e.kind === 'group' ? [e.titleKey, ...e.links.map((l) => l.titleKey)] : [e.titleKey]))
}

describe('the menu built from route meta', () => {
  it('offers everything, in order, to a user who holds every permission', () => {
    const menu = buildMenu(records, () => true)
    expect(titles(menu)).toEqual([
      'nav.home',
      'nav.approvals',
      'nav.approvalRegister',
      'nav.approvalTemplates',
      'nav.notices',
      'nav.guides',
      'nav.notifications',
      'nav.calendar',
      'nav.org',
      'nav.departments',
      'nav.users',
      'nav.roles',
      'nav.apiKeys',
      'nav.audit',
    ])
    expect(menu.find((e) => e.kind === 'link' && e.titleKey === 'nav.approvals')).toMatchObject({ path: '/approvals' })
  })

  it('leaves out the entry of a permission the user lacks, and an empty group', () => {
    const held = new Set(['approval.use', 'audit.read'])
    const menu = titles(buildMenu(records, (code) => held.has(code)))
    expect(menu).toEqual(['nav.home', 'nav.approvals', 'nav.calendar', 'nav.org', 'nav.audit'])
    expect(titles(buildMenu(records, () => false))).toEqual(['nav.home', 'nav.calendar'])
  })

  it('shows the register to whoever holds the menu permission, not the page permission', () => {
    const useOnly = titles(buildMenu(records, (code) => code === 'approval.use'))
    expect(useOnly).not.toContain('nav.approvalRegister')
    const admin = titles(buildMenu(records, (code) => code === 'approval.admin'))
    expect(admin).toContain('nav.approvalRegister')
    expect(admin).not.toContain('nav.approvals')
  })
})
