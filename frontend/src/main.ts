import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { i18n } from './i18n'
import { createAppRouter } from './router'
import { setSessionExpiredHandler, setTotpEnrolmentHandler } from './api/client'
import { setSessionSource } from './api/session'
import { storeSessionSource } from './stores/session-source'
import './styles.css'

const app = createApp(App)
const pinia = createPinia()
const router = createAppRouter()
app.use(pinia).use(i18n).use(router)
setSessionSource(storeSessionSource)

setSessionExpiredHandler(() => {
  const current = router.currentRoute.value
  if (current.name !== 'login') {
    void router.replace({ name: 'login', query: { redirect: current.fullPath } })
  }
})

setTotpEnrolmentHandler(() => {
  const current = router.currentRoute.value
  if (current.name !== 'totp-setup' && current.name !== 'login') {
    void router.replace({ name: 'totp-setup', query: { redirect: current.fullPath } })
  }
})

app.mount('#app')
