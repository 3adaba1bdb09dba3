import type { RouteRecordRaw } from 'vue-router'

export const notificationRoutes: RouteRecordRaw[] = [
  {
    path: 'notifications',
    name: 'notifications',
    component: () => import('./NotificationsPage.vue'),
    meta: { titleKey: 'nav.notifications', permission: 'notification.read' },
  },
]
