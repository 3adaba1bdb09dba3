export { formatTime } from '@/features/approvals/format'

/** A fresh key per save attempt-group: a retried request with it creates one record. */
export function newIdempotencyKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(16).slice(2)}`
}
