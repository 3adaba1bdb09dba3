import type { RouteRecordRaw } from 'vue-router'

export const departmentRoutes: RouteRecordRaw[] = [
  {
    path: 'admin/departments',
    name: 'admin-departments',
    component: () => import('./DepartmentListPage.vue'),
    meta: { titleKey: 'nav.departments', permission: 'department.read', menu: { group: 'org', order: 10 } },
  },
]
