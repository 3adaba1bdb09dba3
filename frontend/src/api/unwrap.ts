/** The data of an openapi-fetch answer, or throws its problem document. */
export function unwrap<D>(result: { data?: D; error?: unknown }): D {
  if (result.data === undefined) throw result.error ?? new Error('request failed')
  return result.data
}
