/** Money travels as integer fen (分); people read and type yuan (元) with two decimals. */
export function fenToYuan(fen: number | null | undefined): number | null {
  return typeof fen === 'number' && Number.isFinite(fen) ? fen / 100 : null
}

export function yuanToFen(yuan: number | null | undefined): number | null {
  return typeof yuan === 'number' && Number.isFinite(yuan) ? Math.round(yuan * 100) : null
}

/** `¥1,234.50` from fen. */
export function formatMoney(fen: unknown): string {
  if (typeof fen !== 'number') return ''
  return `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`
}
