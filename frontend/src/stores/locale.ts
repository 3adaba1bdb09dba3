import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import enLocale from 'element-plus/es/locale/lang/en'
import { i18n, LOCALES, type AppLocale } from '@/i18n'

const STORAGE_KEY = 'xiaoban.locale'

function initialLocale(): AppLocale {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY)
    if (saved && (LOCALES as readonly string[]).includes(saved)) return saved as AppLocale
  } catch {
    // Storage can be unavailable (private mode in some in-app browsers); fall back to Chinese.
  }
  return 'zh-CN'
}

/** The UI language. Only the choice of language is persisted (never any credential). */
export const useLocaleStore = defineStore('locale', () => {
  const locale = ref<AppLocale>(initialLocale())
  const elementLocale = computed(() => (locale.value === 'en' ? enLocale : zhCn))

  function setLocale(next: AppLocale): void {
    locale.value = next
  }

  watch(
    locale,
    (value) => {
      i18n.global.locale.value = value
      if (typeof document !== 'undefined') document.documentElement.lang = value
      try {
        globalThis.localStorage?.setItem(STORAGE_KEY, value)
      } catch {
        // Not persisting the language is harmless.
      }
    },
    { immediate: true },
  )

  return { locale, elementLocale, setLocale }
})
