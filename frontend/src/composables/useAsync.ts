import { ref, shallowRef, type Ref, type ShallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { problemMessage } from '@/api/problem'

export interface AsyncState<T, A extends unknown[]> {
  data: ShallowRef<T | null>
  /** The raw problem document or thrown error of the last run. */
  error: ShallowRef<unknown>
  /** User-facing message for `error`, or null. */
  errorMessage: Ref<string | null>
  loading: Ref<boolean>
  run: (...args: A) => Promise<T | null>
}

/** Wraps an async task with loading / error / data state; `run` never throws. */
export function useAsync<T, A extends unknown[] = []>(task: (...args: A) => Promise<T>): AsyncState<T, A> {
  const { t } = useI18n()
  const data = shallowRef<T | null>(null)
  const error = shallowRef<unknown>(null)
  const errorMessage = ref<string | null>(null)
  const loading = ref(false)

  async function run(...args: A): Promise<T | null> {
    loading.value = true
    error.value = null
    errorMessage.value = null
    try {
      data.value = await task(...args)
      return data.value
    } catch (e) {
      error.value = e
      errorMessage.value = problemMessage(e, t)
      return null
    } finally {
      loading.value = false
    }
  }

  return { data, error, errorMessage, loading, run }
}
