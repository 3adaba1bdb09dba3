export const rolesPage = () => import('./RolesPage.vue')
