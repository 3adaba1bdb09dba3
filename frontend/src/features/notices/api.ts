import { api } from '@/api/client'
import type { components } from '@/api/schema'
import type { PageOut } from '@/composables/usePagedTable'
import { unwrap } from '@/api/unwrap'

export type PublicGuideOut = components['schemas']['PublicGuideOut']

/** Published public guides and manuals; no sign-in needed. */
export async function listPublicGuides(q: string): Promise<PageOut<PublicGuideOut>> {
  const query = { pageSize: 100, ...(q.trim() ? { q: q.trim() } : {}) }
  return unwrap(await api.GET('/api/v1/public/guides', { params: { query } }))
}

/** Where the flowchart image of a public guide is served (an `<img>` source). */
export function flowchartUrl(id: string): string {
  return `/api/v1/public/guides/${id}/flowchart`
}
