import type { RouteRecordRaw } from 'vue-router'
import { departmentRoutes } from '@/features/departments/routes'
import { userRoutes } from '@/features/users/routes'
import { rolesPage } from '@/features/roles/routes'
import { apiKeysPage } from '@/features/api-keys/routes'
import { auditPage } from '@/features/audit/routes'
import { calendarPage } from '@/features/calendar/routes'
import { notificationRoutes } from '@/features/notifications/routes'
import { approvalPrintRoute, approvalRoutes } from '@/features/approvals/routes'

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in. */
    public?: boolean
    /** Permission code needed to open the page. */
    permission?: string
    /** i18n key of the page title. */
    titleKey?: string
  }
}

const underConstruction = () => import('@/features/admin/UnderConstructionPage.vue')

/** Organisation admin entries: menu items and (for now) placeholder pages. */
export const adminEntries = [
  { name: 'admin-departments', path: 'admin/departments', titleKey: 'nav.departments', permission: 'department.read' },
  { name: 'admin-users', path: 'admin/users', titleKey: 'nav.users', permission: 'user.read' },
  { name: 'admin-roles', path: 'admin/roles', titleKey: 'nav.roles', permission: 'role.read', page: rolesPage },
  { name: 'admin-api-keys', path: 'admin/api-keys', titleKey: 'nav.apiKeys', permission: 'api_key.manage', page: apiKeysPage },
  { name: 'admin-audit', path: 'admin/audit', titleKey: 'nav.audit', permission: 'audit.read', page: auditPage },
] as const

export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/features/auth/LoginPage.vue'),
    meta: { public: true, titleKey: 'auth.loginTitle' },
  },
  approvalPrintRoute,
  {
    path: '/change-password',
    name: 'change-password',
    component: () => import('@/features/auth/ChangePasswordPage.vue'),
    meta: { titleKey: 'auth.changePasswordTitle' },
  },
  {
    path: '/',
    component: () => import('@/components/AppLayout.vue'),
    children: [
      {
        path: '',
        name: 'home',
        component: () => import('@/features/home/HomePage.vue'),
        meta: { titleKey: 'nav.home' },
      },
      {
        path: 'profile',
        name: 'profile',
        component: () => import('@/features/profile/ProfilePage.vue'),
        meta: { titleKey: 'profile.title' },
      },
      // Everyone signed in may read the calendar; editing is gated on calendar.manage inside the page.
      {
        path: 'calendar',
        name: 'calendar',
        component: calendarPage,
        meta: { titleKey: 'nav.calendar' },
      },
      { path: 'admin/calendar', redirect: '/calendar' },
      ...notificationRoutes,
      ...approvalRoutes,
      ...departmentRoutes,
      ...userRoutes,
      ...adminEntries.filter((e) => e.name !== 'admin-departments' && e.name !== 'admin-users').map(
        (e): RouteRecordRaw => ({
          path: e.path,
          name: e.name,
          component: 'page' in e ? e.page : underConstruction,
          meta: { titleKey: e.titleKey, permission: e.permission },
        }),
      ),
    ],
  },
  { path: '/:pathMatch(.*)*', redirect: '/' },
]
