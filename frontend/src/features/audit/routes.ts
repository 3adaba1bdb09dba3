export const auditPage = () => import('./AuditPage.vue')
