import { onBeforeUnmount, ref, type Ref } from 'vue'

/** True below 768px wide (phones); follows resizes and rotation. */
export function useIsMobile(): Ref<boolean> {
  const query = globalThis.matchMedia?.('(max-width: 767px)')
  const isMobile = ref(query?.matches ?? false)
  const update = (e: MediaQueryListEvent): void => {
    isMobile.value = e.matches
  }
  query?.addEventListener?.('change', update)
  onBeforeUnmount(() => query?.removeEventListener?.('change', update))
  return isMobile
}
