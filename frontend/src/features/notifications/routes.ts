import type { RouteRecordRaw } from 'vue-router'
import { Bell } from '@element-plus/icons-vue'

export const notificationRoutes: RouteRecordRaw[] = [
  {
    path: 'notifications',
    name: 'notifications',
    component: () => import('./NotificationsPage.vue'),
    meta: { titleKey: 'nav.notifications', permission: 'notification.read', menu: { icon: Bell, order: 40 } },
  },
]
