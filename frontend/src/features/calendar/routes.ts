export const calendarPage = () => import('./CalendarPage.vue')
