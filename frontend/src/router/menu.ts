import type { Component } from 'vue'
import type { RouteRecordNormalized } from 'vue-router'
import { OfficeBuilding } from '@element-plus/icons-vue'

/** Submenus of the navigation; a route joins one through `meta.menu.group`. */
export const menuGroups = {
  org: { titleKey: 'nav.org', icon: OfficeBuilding, order: 100 },
} as const

export type MenuGroupKey = keyof typeof menuGroups

/** A route's place in the navigation menu (`meta.menu`); routes without it are not in the menu. */
export interface MenuMeta {
  /** Position among its siblings, smallest first. */
  order: number
  icon?: Component
  group?: MenuGroupKey
  /** Who sees the entry, when that differs from who may open the page (`meta.permission`). */
  permission?: string
}

export interface MenuLink {
  kind: 'link'
  path: string
  titleKey: string
  icon?: Component
  order: number
}

export interface MenuSubmenu {
  kind: 'group'
  key: MenuGroupKey
  titleKey: string
  icon: Component
  order: number
  links: MenuLink[]
}

export type MenuEntry = MenuLink | MenuSubmenu

const byOrder = (a: { order: number }, b: { order: number }) => a.order - b.order

/**
 * The menu a user sees: every route with `meta.menu` whose permission the user holds, in order,
 * grouped into submenus; a submenu with no visible entry is left out.
 */
export function buildMenu(records: readonly RouteRecordNormalized[], may: (permission: string) => boolean): MenuEntry[] {
  const top: MenuEntry[] = []
  const groups = new Map<MenuGroupKey, MenuSubmenu>()
  for (const record of records) {
    const menu = record.meta.menu
    if (!menu) continue
    const permission = menu.permission ?? record.meta.permission
    if (permission && !may(permission)) continue
    const link: MenuLink = { kind: 'link', path: record.path, titleKey: record.meta.titleKey ?? '', icon: menu.icon, order: menu.order }
    if (!menu.group) {
      top.push(link)
      continue
    }
    let group = groups.get(menu.group)
    if (!group) {
      group = { kind: 'group', key: menu.group, ...menuGroups[menu.group], links: [] }
      groups.set(menu.group, group)
      top.push(group)
    }
    group.links.push(link)
  }
  for (const group of groups.values()) group.links.sort(byOrder)
  return top.sort(byOrder)
}
