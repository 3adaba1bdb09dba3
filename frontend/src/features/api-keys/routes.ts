import type { RouteRecordRaw } from 'vue-router'

export const apiKeyRoutes: RouteRecordRaw[] = [
  {
    path: 'admin/api-keys',
    name: 'admin-api-keys',
    component: () => import('./ApiKeysPage.vue'),
    meta: { titleKey: 'nav.apiKeys', permission: 'api_key.manage', menu: { group: 'org', order: 40 } },
  },
]
