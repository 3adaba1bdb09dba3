import type { RouteRecordRaw } from 'vue-router'

export const auditRoutes: RouteRecordRaw[] = [
  {
    path: 'admin/audit',
    name: 'admin-audit',
    component: () => import('./AuditPage.vue'),
    meta: { titleKey: 'nav.audit', permission: 'audit.read', menu: { group: 'org', order: 50 } },
  },
]
