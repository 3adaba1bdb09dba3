/** A fresh `Idempotency-Key` per save attempt: a retried request with it creates one record. */
export function newIdempotencyKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(16).slice(2)}`
}
