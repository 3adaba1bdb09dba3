import { KEYWORDS, MAX_DEPTH, MAX_LIST_ITEMS, MAX_SOURCE_CHARS, type Expr, type FieldRef, type Literal, type Part } from './ast'
import { ConditionSyntaxError, lex, type Token } from './lexer'

export type ParseResult = { ok: true; expr: Expr } | { ok: false; position: number; message: string }

/**
 * Parses condition text the way the server does (same grammar, limits and errors' positions), so
 * the SPA can describe a condition in words and load it into the builder. Never throws.
 */
export function parseCondition(source: string): ParseResult {
  try {
    const chars = Array.from(source)
    if (chars.length > MAX_SOURCE_CHARS) throw new ConditionSyntaxError(MAX_SOURCE_CHARS, 'too long')
    return { ok: true, expr: new Parser(lex(chars), chars.length).parse() }
  } catch (e) {
    if (e instanceof ConditionSyntaxError) return { ok: false, position: e.position, message: e.message }
    return { ok: false, position: 0, message: String(e) }
  }
}

const PARTS = new Map<string, Part>([['days', 'days'], ['start', 'start'], ['end', 'end']])
const isKeyword = (w: string) => (KEYWORDS as readonly string[]).includes(w)

/** Recursive descent: `or` binds loosest, then `and`, then `not`. */
class Parser {
  private at = 0
  private depth = 0

  constructor(private readonly tokens: Token[], private readonly end: number) {}

  parse(): Expr {
    if (this.tokens.length === 0) this.fail(0, 'empty')
    const expr = this.or()
    const rest = this.peek()
    if (rest) this.fail(rest.pos, 'expected and, or or the end')
    return expr
  }

  private fail(position: number, message: string): never {
    throw new ConditionSyntaxError(position, message)
  }

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.at + offset]
  }

  private isWord(offset: number, word: string): boolean {
    const token = this.peek(offset)
    return token?.t === 'word' && token.value === word
  }

  private here(): number {
    return this.peek()?.pos ?? this.end
  }

  private enter(): void {
    this.depth += 1
    if (this.depth > MAX_DEPTH) this.fail(this.here(), 'nested too deep')
  }

  private chain(type: 'and' | 'or', word: string, symbol: '&&' | '||', next: () => Expr): Expr {
    const parts = [next()]
    while (this.isWord(0, word) || this.peek()?.t === symbol) {
      this.at += 1
      parts.push(next())
    }
    return parts.length === 1 ? parts[0]! : { type, parts }
  }

  private or(): Expr {
    return this.chain('or', 'or', '||', () => this.and())
  }

  private and(): Expr {
    return this.chain('and', 'and', '&&', () => this.unary())
  }

  private unary(): Expr {
    if (this.isWord(0, 'not') || this.peek()?.t === '!') {
      this.enter()
      this.at += 1
      const inner = this.unary()
      this.depth -= 1
      return { type: 'not', inner }
    }
    return this.primary()
  }

  private primary(): Expr {
    const token = this.peek()
    if (!token) this.fail(this.end, 'unexpected end')
    if (token.t === '(') {
      this.enter()
      this.at += 1
      const inner = this.or()
      if (this.peek()?.t !== ')') this.fail(this.here(), "expected ')'")
      this.at += 1
      this.depth -= 1
      return inner
    }
    this.at += 1
    if (token.t === 'word' && (token.value === 'true' || token.value === 'false')) return { type: 'const', value: token.value === 'true' }
    if (token.t === 'word' && !isKeyword(token.value)) return this.afterField(field(token.value, token.pos))
    return this.fail(token.pos, 'expected a field, a parenthesis, true or false')
  }

  /** What follows a field: a comparison, a list test, `contains`, or nothing (truthiness). */
  private afterField(field: FieldRef): Expr {
    const next = this.peek()
    if (next?.t === 'cmp') {
      this.at += 1
      return { type: 'compare', field, op: next.op, value: this.literal() }
    }
    if (this.isWord(0, 'in') || (this.isWord(0, 'not') && this.isWord(1, 'in'))) {
      const negated = this.isWord(0, 'not')
      this.at += negated ? 2 : 1
      return { type: 'in', field, items: this.list(), negated }
    }
    if (this.isWord(0, 'contains')) {
      this.at += 1
      return { type: 'contains', field, value: this.literal() }
    }
    return { type: 'truthy', field }
  }

  private literal(): Literal {
    const position = this.here()
    const token = this.peek()
    this.at += 1
    if (token?.t === 'number') return { kind: 'number', value: token.value }
    if (token?.t === 'string') return { kind: 'string', value: token.value }
    if (token?.t === 'word' && (token.value === 'true' || token.value === 'false')) return { kind: 'bool', value: token.value === 'true' }
    return this.fail(position, 'expected a number, a quoted text, true or false')
  }

  /** `[literal, ...]` with 1 to MAX_LIST_ITEMS items. */
  private list(): Literal[] {
    if (this.peek()?.t !== '[') this.fail(this.here(), 'expected a list after in')
    this.at += 1
    if (this.peek()?.t === ']') this.fail(this.here(), 'a list needs an item')
    const items: Literal[] = []
    for (;;) {
      if (items.length === MAX_LIST_ITEMS) this.fail(this.here(), 'too many items')
      items.push(this.literal())
      const token = this.peek()
      this.at += 1
      if (token?.t === ']') return items
      if (token?.t !== ',') {
        this.at -= 1
        this.fail(this.here(), "expected ',' or ']'")
      }
    }
  }
}

/** A field token: a key, optionally with `.days`, `.start` or `.end`. */
function field(word: string, pos: number): FieldRef {
  const dot = word.indexOf('.')
  if (dot < 0) return { key: word, part: 'whole' }
  const key = word.slice(0, dot)
  if (isKeyword(key)) throw new ConditionSyntaxError(pos, 'a keyword cannot be a field')
  const part = PARTS.get(word.slice(dot + 1))
  if (!part) throw new ConditionSyntaxError(pos + key.length + 1, 'unknown part')
  return { key, part }
}
