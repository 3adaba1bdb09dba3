import type { CmpOp } from './ast'

/** Why a condition does not parse, and at which character (not byte), as the server counts. */
export class ConditionSyntaxError extends Error {
  constructor(readonly position: number, message: string) {
    super(message)
  }
}

export type Tok =
  | { t: '(' | ')' | '[' | ']' | ',' | '&&' | '||' | '!' }
  | { t: 'cmp'; op: CmpOp }
  | { t: 'number'; value: number }
  | { t: 'string'; value: string }
  /** An identifier, a keyword or a dotted field (`period.days`). */
  | { t: 'word'; value: string }

export type Token = Tok & { pos: number }

const TWO = new Map<string, Tok>([
  ['==', { t: 'cmp', op: 'eq' }], ['!=', { t: 'cmp', op: 'ne' }], ['>=', { t: 'cmp', op: 'ge' }],
  ['<=', { t: 'cmp', op: 'le' }], ['&&', { t: '&&' }], ['||', { t: '||' }],
])
const ONE = new Map<string, Tok>([
  ['(', { t: '(' }], [')', { t: ')' }], ['[', { t: '[' }], [']', { t: ']' }], [',', { t: ',' }],
  ['>', { t: 'cmp', op: 'gt' }], ['<', { t: 'cmp', op: 'lt' }], ['!', { t: '!' }],
])
const digit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9'
const alpha = (c: string | undefined) => c !== undefined && /^[A-Za-z_]$/.test(c)
const alnum = (c: string | undefined) => c !== undefined && /^[A-Za-z0-9_]$/.test(c)
const space = (c: string) => /^\s$/u.test(c)

/** Splits the characters into tokens, or throws [`ConditionSyntaxError`] where the server would. */
export function lex(chars: readonly string[]): Token[] {
  const tokens: Token[] = []
  let at = 0
  while (at < chars.length) {
    const c = chars[at]!
    const pair = c + (chars[at + 1] ?? '')
    if (space(c)) {
      at += 1
      continue
    }
    const two = TWO.get(pair)
    const one = ONE.get(c)
    const [tok, len]: [Tok, number] = two
      ? [two, 2]
      : one
        ? [one, 1]
        : c === '=' || c === '&' || c === '|'
          ? fail(at, `a lone ${c}`)
          : c === "'" || c === '"'
            ? string(chars, at)
            : digit(c) || (c === '-' && digit(chars[at + 1]))
              ? number(chars, at)
              : alpha(c)
                ? word(chars, at)
                : fail(at, `unexpected character ${c}`)
    tokens.push({ ...tok, pos: at })
    at += len
  }
  return tokens
}

function fail(position: number, message: string): never {
  throw new ConditionSyntaxError(position, message)
}

/** A quoted text; `\'`, `\"` and `\\` are the only escapes. */
function string(chars: readonly string[], start: number): [Tok, number] {
  const quote = chars[start]
  let text = ''
  let at = start + 1
  for (;;) {
    const c = chars[at]
    if (c === undefined) fail(start, 'no closing quote')
    if (c === '\\') {
      const escaped = chars[at + 1]
      if (escaped !== "'" && escaped !== '"' && escaped !== '\\') fail(at, 'unknown escape')
      text += escaped
      at += 2
    } else if (c === quote) {
      return [{ t: 'string', value: text }, at + 1 - start]
    } else {
      text += c
      at += 1
    }
  }
}

/** `-?digits(.digits)?`, not running into letters or dots. */
function number(chars: readonly string[], start: number): [Tok, number] {
  const digitsFrom = (from: number) => {
    let n = 0
    while (digit(chars[from + n])) n += 1
    return n
  }
  let end = start + (chars[start] === '-' ? 1 : 0)
  end += digitsFrom(end)
  if (chars[end] === '.') {
    const fraction = digitsFrom(end + 1)
    if (fraction === 0) fail(end, 'a digit must follow the decimal point')
    end += 1 + fraction
  }
  if (alnum(chars[end]) || chars[end] === '.') fail(end, 'a number cannot run into letters or dots')
  const value = Number(chars.slice(start, end).join(''))
  if (!Number.isFinite(value)) fail(start, 'the number is out of range')
  return [{ t: 'number', value }, end - start]
}

/** An identifier, optionally dotted once. */
function word(chars: readonly string[], start: number): [Tok, number] {
  const identFrom = (from: number) => {
    let n = 0
    while (alnum(chars[from + n])) n += 1
    return n
  }
  let end = start + identFrom(start)
  if (chars[end] === '.') {
    const after = end + 1
    if (!alpha(chars[after])) fail(after, "a part name must follow '.'")
    end = after + identFrom(after)
    if (chars[end] === '.') fail(end, "a field name has at most one '.'")
  }
  return [{ t: 'word', value: chars.slice(start, end).join('') }, end - start]
}
