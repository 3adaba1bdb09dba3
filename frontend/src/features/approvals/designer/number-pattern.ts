/**
 * The designer's preview of a template's number pattern, by the same grammar as the server's
 * `NumberPattern` (crates/domain/src/numbering.rs): `{year}`, exactly one `{seq}` or `{seq:0N}`
 * (N from 1 to 12), `{{`/`}}` for braces. The server stays the judge: it checks again on save.
 */
export type PatternPreview = { ok: true; example: string } | { ok: false; reason: string }

export const MAX_PATTERN_CHARS = 40

export function previewPattern(pattern: string, year: number, seq = 1): PatternPreview {
  if ([...pattern].length > MAX_PATTERN_CHARS) return { ok: false, reason: `最多 ${MAX_PATTERN_CHARS} 个字符` }
  let out = ''
  let seqTokens = 0
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!
    if ((c === '{' || c === '}') && pattern[i + 1] === c) {
      out += c
      i++
      continue
    }
    if (c === '}') return { ok: false, reason: '有多余的 }，字面的花括号请写 }}' }
    if (c !== '{') {
      out += c
      continue
    }
    const end = pattern.indexOf('}', i)
    if (end < 0) return { ok: false, reason: '有未闭合的 {，字面的花括号请写 {{' }
    const name = pattern.slice(i + 1, end)
    i = end
    if (name === 'year') out += String(year).padStart(4, '0')
    else if (name === 'seq') {
      seqTokens++
      out += String(seq)
    } else {
      const width = /^seq:0(\d+)$/.exec(name)
      const n = width ? Number(width[1]) : 0
      if (n < 1 || n > 12) return { ok: false, reason: `不认识的 {${name}}：可用 {year}、{seq} 或 {seq:04}` }
      seqTokens++
      out += String(seq).padStart(n, '0')
    }
  }
  if (seqTokens !== 1) return { ok: false, reason: '须且只能含一个流水号 {seq}' }
  return { ok: true, example: out }
}
