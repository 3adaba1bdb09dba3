import type { RouteRecordRaw } from 'vue-router'
import { Calendar } from '@element-plus/icons-vue'

export const calendarRoutes: RouteRecordRaw[] = [
  // Everyone signed in may read the calendar; editing is gated on calendar.manage inside the page.
  {
    path: 'calendar',
    name: 'calendar',
    component: () => import('./CalendarPage.vue'),
    meta: { titleKey: 'nav.calendar', menu: { icon: Calendar, order: 50 } },
  },
  { path: 'admin/calendar', redirect: '/calendar' },
]
