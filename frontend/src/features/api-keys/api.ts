import { api } from '@/api/client'
import type { components } from '@/api/schema'
import { unwrap } from '@/api/unwrap'

export type ApiKeyOut = components['schemas']['ApiKeyOut']
export type NewApiKey = components['schemas']['ApiKeyIn']

export async function listApiKeys(): Promise<ApiKeyOut[]> {
  return unwrap(await api.GET('/api/v1/api-keys'))
}

/** Issues a key; the answer holds the secret, shown this once. */
export async function issueApiKey(body: NewApiKey): Promise<string> {
  return unwrap(await api.POST('/api/v1/api-keys', { body })).key
}

export async function revokeApiKey(id: string): Promise<void> {
  unwrap(await api.POST('/api/v1/api-keys/{id}/revoke', { params: { path: { id } } }))
}
