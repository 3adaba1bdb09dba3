import { api } from '@/api/client'
import { useAuthStore } from '@/stores/auth'

/** Uploads a drawn signature through the files module; the server accepts it by its PNG bytes. */
export async function uploadSignature(png: Blob): Promise<string> {
  const body = new FormData()
  body.append('file', png, 'signature.png')
  const { data, error } = await api.POST('/api/v1/files', {
    body: body as never,
    bodySerializer: (b: unknown) => b as FormData,
  })
  if (error || !data) throw error
  return data.id
}

/**
 * A signature image as an object URL. The access token lives in memory, not in a cookie, so an
 * `<img src>` to the API would be refused: the bytes are fetched with it.
 */
export async function signatureUrl(fileId: string): Promise<string | null> {
  const auth = useAuthStore()
  const res = await fetch(new URL(`/api/v1/files/${fileId}/content`, window.location.href), {
    headers: auth.accessToken ? { Authorization: `Bearer ${auth.accessToken}` } : {},
  })
  if (!res.ok) return null
  return URL.createObjectURL(await res.blob())
}
