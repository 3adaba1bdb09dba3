import type { RouteRecordRaw } from 'vue-router'
import { Checked, SetUp, Tickets } from '@element-plus/icons-vue'

/** 审批中心 for everyone with approval.use; the template designer for approval.template.manage. */
export const approvalRoutes: RouteRecordRaw[] = [
  {
    path: 'approvals',
    name: 'approvals',
    component: () => import('./ApprovalsPage.vue'),
    meta: { titleKey: 'nav.approvals', permission: 'approval.use', menu: { icon: Checked, order: 10 } },
  },
  {
    path: 'approvals/new',
    name: 'approval-new',
    component: () => import('./NewApprovalPage.vue'),
    meta: { titleKey: 'approvals.newTitle', permission: 'approval.use' },
  },
  {
    path: 'approvals/new/:templateId',
    name: 'approval-start',
    component: () => import('./StartPage.vue'),
    props: true,
    meta: { titleKey: 'approvals.newTitle', permission: 'approval.use' },
  },
  {
    path: 'approvals/drafts',
    name: 'approval-drafts',
    component: () => import('./DraftsPage.vue'),
    meta: { titleKey: 'approvals.drafts.open', permission: 'approval.use' },
  },
  {
    path: 'approvals/register',
    name: 'approval-register',
    component: () => import('./RegisterPage.vue'),
    // Anyone may open the register of what they can see; the menu offers it to the office only.
    meta: {
      titleKey: 'nav.approvalRegister',
      permission: 'approval.use',
      menu: { icon: Tickets, order: 20, permission: 'approval.admin' },
    },
  },
  {
    path: 'approvals/templates',
    name: 'approval-templates',
    component: () => import('./designer/TemplatesPage.vue'),
    meta: { titleKey: 'nav.approvalTemplates', permission: 'approval.template.manage', menu: { icon: SetUp, order: 30 } },
  },
  {
    path: 'approvals/templates/new',
    name: 'approval-template-new',
    component: () => import('./designer/TemplateEditPage.vue'),
    meta: { titleKey: 'nav.approvalTemplates', permission: 'approval.template.manage' },
  },
  {
    path: 'approvals/templates/:id',
    name: 'approval-template-edit',
    component: () => import('./designer/TemplateEditPage.vue'),
    props: true,
    meta: { titleKey: 'nav.approvalTemplates', permission: 'approval.template.manage' },
  },
  {
    path: 'approvals/:id',
    name: 'approval-detail',
    component: () => import('./DetailPage.vue'),
    props: true,
    meta: { titleKey: 'nav.approvals', permission: 'approval.use' },
  },
]

/** The printable sheet, outside the app's layout so nothing but the sheet is printed. */
export const approvalPrintRoute: RouteRecordRaw = {
  path: '/approvals/:id/print',
  name: 'approval-print',
  component: () => import('./PrintPage.vue'),
  props: true,
  meta: { titleKey: 'approvals.print.open', permission: 'approval.use' },
}
