import type { RouteRecordRaw } from 'vue-router'
import { Notebook, Promotion } from '@element-plus/icons-vue'

/** 通知公告 for everyone with notice.read; writing needs notice.manage (the general office). */
export const noticeRoutes: RouteRecordRaw[] = [
  {
    path: 'notices',
    name: 'notices',
    component: () => import('./NoticesPage.vue'),
    meta: { titleKey: 'nav.notices', permission: 'notice.read', menu: { icon: Promotion, order: 35 } },
  },
  {
    path: 'notices/new',
    name: 'notice-new',
    component: () => import('./NoticeEditPage.vue'),
    meta: { titleKey: 'notices.newTitle', permission: 'notice.manage' },
  },
  {
    path: 'notices/:id/edit',
    name: 'notice-edit',
    component: () => import('./NoticeEditPage.vue'),
    props: true,
    meta: { titleKey: 'notices.editTitle', permission: 'notice.manage' },
  },
  {
    path: 'notices/:id',
    name: 'notice-detail',
    component: () => import('./NoticeDetailPage.vue'),
    props: true,
    meta: { titleKey: 'nav.notices', permission: 'notice.read' },
  },
  {
    path: 'guides',
    name: 'guides',
    component: () => import('./GuidesPage.vue'),
    meta: { titleKey: 'nav.guides', permission: 'guide.read', menu: { icon: Notebook, order: 36 } },
  },
  {
    path: 'guides/new',
    name: 'guide-new',
    component: () => import('./GuideEditPage.vue'),
    meta: { titleKey: 'guides.newTitle', permission: 'guide.manage' },
  },
  {
    path: 'guides/:id/edit',
    name: 'guide-edit',
    component: () => import('./GuideEditPage.vue'),
    props: true,
    meta: { titleKey: 'guides.editTitle', permission: 'guide.manage' },
  },
  {
    path: 'guides/:id',
    name: 'guide-detail',
    component: () => import('./GuideDetailPage.vue'),
    props: true,
    meta: { titleKey: 'nav.guides', permission: 'guide.read' },
  },
]

/** The public guides and notices: for visitors and the service hall's display screen, no sign-in. */
export const publicRoutes: RouteRecordRaw[] = [
  {
    path: '/public/guides',
    name: 'public-guides',
    component: () => import('./PublicGuidesPage.vue'),
    meta: { public: true, titleKey: 'notices.publicGuidesTitle' },
  },
  {
    path: '/public/notices',
    name: 'public-notices',
    component: () => import('./PublicNoticesPage.vue'),
    meta: { public: true, titleKey: 'notices.publicNoticesTitle' },
  },
]
