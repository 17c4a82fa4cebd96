/**
 * A small XML writer for project.qde. Hand-rolled rather than a builder library because the
 * schema fixes the order of every element and we need byte-stable output: here the order is
 * the order of the calls, and nothing is reordered, pretty-printed or re-encoded behind us.
 */

/** Characters XML 1.0 cannot hold at all (C0 controls but tab, LF and CR; lone surrogates; U+FFFE/F). */
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- matching the control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

export function escapeText(s: string): string {
  return s
    .replace(FORBIDDEN, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;')
}

export function escapeAttribute(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;')
}

export type Attributes = Record<string, string | number | boolean | undefined>

/** How many pieces wait as strings before they become UTF-8 bytes (memory stays near the bytes). */
const FLUSH_PIECES = 4096

export class XmlWriter {
  private parts: string[] = ['<?xml version="1.0" encoding="utf-8"?>\n']
  private readonly chunks: Buffer[] = []
  private depth = 0

  private push(piece: string): void {
    this.parts.push(piece)
    if (this.parts.length >= FLUSH_PIECES) this.flush()
  }

  private flush(): void {
    this.chunks.push(Buffer.from(this.parts.join(''), 'utf8'))
    this.parts = []
  }

  private attrs(attributes: Attributes): string {
    let out = ''
    for (const [name, value] of Object.entries(attributes))
      if (value !== undefined) out += ` ${name}="${escapeAttribute(String(value))}"`
    return out
  }

  private indent(): string {
    return '  '.repeat(this.depth)
  }

  open(name: string, attributes: Attributes = {}): this {
    this.push(`${this.indent()}<${name}${this.attrs(attributes)}>\n`)
    this.depth++
    return this
  }

  close(name: string): this {
    this.depth--
    this.push(`${this.indent()}</${name}>\n`)
    return this
  }

  empty(name: string, attributes: Attributes = {}): this {
    this.push(`${this.indent()}<${name}${this.attrs(attributes)}/>\n`)
    return this
  }

  /** An element holding text, written as it is (no indentation enters the text). */
  text(name: string, content: string, attributes: Attributes = {}): this {
    this.push(
      `${this.indent()}<${name}${this.attrs(attributes)}>${escapeText(content)}</${name}>\n`,
    )
    return this
  }

  /** The document as UTF-8, without a byte-order mark. */
  toBytes(): Buffer {
    this.flush()
    return Buffer.concat(this.chunks)
  }
}
