import type { RouteRecordRaw } from 'vue-router'

export const userRoutes: RouteRecordRaw[] = [
  {
    path: 'admin/users',
    name: 'admin-users',
    component: () => import('./UserListPage.vue'),
    meta: { titleKey: 'nav.users', permission: 'user.read', menu: { group: 'org', order: 20 } },
  },
]
