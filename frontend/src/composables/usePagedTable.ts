import { reactive, shallowReactive } from 'vue'
import { useI18n } from 'vue-i18n'
import { problemMessage } from '@/api/problem'

/** The list envelope of the API (see docs/api-design.md, "Lists"). */
export interface PageOut<T> {
  items: T[]
  total: number
  page: number
  pageSize: number
}

export type FilterValue = string | number | boolean | null | undefined
export type ListQuery = Record<string, string | number | boolean>

export interface PagedTableOptions<F extends Record<string, FilterValue>> {
  pageSize?: number
  /** Initial sort, e.g. `-createdAt` or `username`. */
  sort?: string
  filters?: F
}

/** Builds the query of a list request, leaving out blank values (blank `q` counts as none). */
export function buildListQuery(
  state: { page: number; pageSize: number; sort: string; q: string },
  filters: Record<string, FilterValue> = {},
): ListQuery {
  const query: ListQuery = { page: state.page, pageSize: state.pageSize }
  if (state.sort) query.sort = state.sort
  const q = state.q.trim()
  if (q) query.q = q
  for (const [key, value] of Object.entries(filters)) {
    if (value === null || value === undefined || value === '') continue
    query[key] = value
  }
  return query
}

/**
 * State of a paged, sortable, searchable list bound to the API list convention. `load` never
 * throws: failures land in `errorMessage` (and `error`), and a stale answer never overwrites a newer one.
 */
export function usePagedTable<T, F extends Record<string, FilterValue> = Record<string, FilterValue>>(
  fetcher: (query: ListQuery) => Promise<PageOut<T>>,
  options: PagedTableOptions<F> = {},
) {
  const { t } = useI18n()
  const filters = reactive({ ...(options.filters ?? {}) }) as F
  const state = shallowReactive({
    items: [] as T[],
    total: 0,
    page: 1,
    pageSize: options.pageSize ?? 20,
    sort: options.sort ?? '',
    q: '',
    filters,
    loading: false,
    loaded: false,
    error: null as unknown,
    errorMessage: null as string | null,
  })
  let seq = 0

  function query(): ListQuery {
    return buildListQuery(state, filters)
  }

  async function load(): Promise<void> {
    const mine = ++seq
    state.loading = true
    state.error = null
    state.errorMessage = null
    try {
      const page = await fetcher(query())
      if (mine !== seq) return
      state.items = page.items
      state.total = page.total
      state.loaded = true
    } catch (e) {
      if (mine !== seq) return
      state.error = e
      state.errorMessage = problemMessage(e, t)
    } finally {
      if (mine === seq) state.loading = false
    }
  }

  /** New search or filter: back to page 1. */
  function search(): Promise<void> {
    state.page = 1
    return load()
  }

  function setPage(page: number): Promise<void> {
    state.page = page
    return load()
  }

  function setPageSize(size: number): Promise<void> {
    state.pageSize = size
    state.page = 1
    return load()
  }

  function setSort(sort: string): Promise<void> {
    state.sort = sort
    state.page = 1
    return load()
  }

  function reset(): Promise<void> {
    state.q = ''
    for (const key of Object.keys(filters)) (filters as Record<string, FilterValue>)[key] = options.filters?.[key]
    return search()
  }

  return Object.assign(state, { load, search, setPage, setPageSize, setSort, reset, query })
}

export type PagedTableState<T> = ReturnType<typeof usePagedTable<T>>
