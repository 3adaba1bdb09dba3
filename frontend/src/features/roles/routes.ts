import type { RouteRecordRaw } from 'vue-router'

export const roleRoutes: RouteRecordRaw[] = [
  {
    path: 'admin/roles',
    name: 'admin-roles',
    component: () => import('./RolesPage.vue'),
    meta: { titleKey: 'nav.roles', permission: 'role.read', menu: { group: 'org', order: 30 } },
  },
]
