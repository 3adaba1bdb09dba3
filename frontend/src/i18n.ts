import { createI18n } from 'vue-i18n'
import zhCN, { type MessageSchema } from './locales/zh-CN'
import en from './locales/en'

export type AppLocale = 'zh-CN' | 'en'
export const LOCALES: readonly AppLocale[] = ['zh-CN', 'en']

export function createAppI18n(locale: AppLocale = 'zh-CN') {
  return createI18n({
    legacy: false,
    locale: locale as AppLocale,
    fallbackLocale: 'zh-CN',
    messages: { 'zh-CN': zhCN, en } satisfies Record<AppLocale, MessageSchema>,
    missingWarn: false,
    fallbackWarn: false,
  })
}

export const i18n = createAppI18n()
