import { api } from '@/api/client'

export interface PersonOption {
  value: string
  label: string
}

/**
 * Where a person picker searches. `directory` is the address book everyone taking part in
 * approvals may search (name and department only); `users` is the user list, for administrators
 * (`user.read`), and labels people with their username.
 */
export type PersonSource = 'directory' | 'users'

type Card = { id: string; name: string; departmentName?: string | null }
const cardLabel = (p: Card) => (p.departmentName ? `${p.name}（${p.departmentName}）` : p.name)

async function directory(query: { q?: string; ids?: string }): Promise<PersonOption[]> {
  const { data } = await api.GET('/api/v1/directory/people', { params: { query } })
  return (data ?? []).map((p) => ({ value: p.id, label: cardLabel(p) }))
}

export async function searchPeople(source: PersonSource, q: string): Promise<PersonOption[]> {
  const text = q.trim() || undefined
  if (source === 'directory') return directory({ q: text })
  const { data } = await api.GET('/api/v1/users', { params: { query: { q: text, pageSize: 20 } } })
  return (data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name}（${u.username}）` }))
}

/** Labels an id set from outside; the user list has no look-up by id, so it answers none. */
export async function labelPerson(source: PersonSource, id: string): Promise<PersonOption[]> {
  return source === 'directory' ? directory({ ids: id }) : []
}
