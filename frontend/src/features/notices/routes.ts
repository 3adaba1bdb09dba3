import type { RouteRecordRaw } from 'vue-router'

/** The public guides (办事指南): for visitors and the service hall's display screen, no sign-in. */
export const publicGuidesRoute: RouteRecordRaw = {
  path: '/public/guides',
  name: 'public-guides',
  component: () => import('./PublicGuidesPage.vue'),
  meta: { public: true, titleKey: 'notices.publicGuidesTitle' },
}
