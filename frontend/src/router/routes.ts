import type { RouteRecordRaw } from 'vue-router'
import { HomeFilled } from '@element-plus/icons-vue'
import type { MenuMeta } from './menu'
import { departmentRoutes } from '@/features/departments/routes'
import { userRoutes } from '@/features/users/routes'
import { roleRoutes } from '@/features/roles/routes'
import { apiKeyRoutes } from '@/features/api-keys/routes'
import { auditRoutes } from '@/features/audit/routes'
import { calendarRoutes } from '@/features/calendar/routes'
import { notificationRoutes } from '@/features/notifications/routes'
import { approvalPrintRoute, approvalRoutes } from '@/features/approvals/routes'
import { noticeRoutes, publicRoutes } from '@/features/notices/routes'

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in. */
    public?: boolean
    /** Permission code needed to open the page. */
    permission?: string
    /** i18n key of the page title. */
    titleKey?: string
    /** The page's entry in the navigation menu (see `./menu.ts`). */
    menu?: MenuMeta
  }
}

export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/features/auth/LoginPage.vue'),
    meta: { public: true, titleKey: 'auth.loginTitle' },
  },
  approvalPrintRoute,
  ...publicRoutes,
  {
    path: '/change-password',
    name: 'change-password',
    component: () => import('@/features/auth/ChangePasswordPage.vue'),
    meta: { titleKey: 'auth.changePasswordTitle' },
  },
  {
    path: '/totp-setup',
    name: 'totp-setup',
    component: () => import('@/features/auth/TotpSetupPage.vue'),
    meta: { titleKey: 'totp.setupTitle' },
  },
  {
    path: '/',
    component: () => import('@/components/AppLayout.vue'),
    children: [
      {
        path: '',
        name: 'home',
        component: () => import('@/features/home/HomePage.vue'),
        meta: { titleKey: 'nav.home', menu: { icon: HomeFilled, order: 0 } },
      },
      {
        path: 'profile',
        name: 'profile',
        component: () => import('@/features/profile/ProfilePage.vue'),
        meta: { titleKey: 'profile.title' },
      },
      ...calendarRoutes,
      ...notificationRoutes,
      ...approvalRoutes,
      ...noticeRoutes,
      ...departmentRoutes,
      ...userRoutes,
      ...roleRoutes,
      ...apiKeyRoutes,
      ...auditRoutes,
    ],
  },
  { path: '/:pathMatch(.*)*', redirect: '/' },
]
