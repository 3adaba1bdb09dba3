import type { ListQuery } from '@/composables/usePagedTable'

/** An export takes the list's keyword and filters; paging and sort stay on the screen. */
export function exportQuery(query: ListQuery): URLSearchParams {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (key === 'page' || key === 'pageSize' || key === 'sort') continue
    params.set(key, String(value))
  }
  return params
}

/**
 * Downloads `path` (an `.xlsx` export or sample file) and saves it under the name the server
 * gives, else `fallbackName`. The access token lives in memory, not in a cookie, so the bytes
 * are fetched with it and saved from a blob. Resolves to whether it worked.
 */
export async function downloadFile(path: string, token: string | null, fallbackName: string): Promise<boolean> {
  const res = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} })
  if (!res.ok) return false
  const disposition = res.headers.get('content-disposition') ?? ''
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1]
  const url = URL.createObjectURL(await res.blob())
  const link = document.createElement('a')
  link.href = url
  link.download = encoded ? decodeURIComponent(encoded) : fallbackName
  link.click()
  URL.revokeObjectURL(url)
  return true
}
