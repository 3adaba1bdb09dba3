export const apiKeysPage = () => import('./ApiKeysPage.vue')
