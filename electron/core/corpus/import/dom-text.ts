/**
 * DOM → paragraphs. Shared by the HTML reader and the .docx reader (mammoth gives HTML), so that
 * both lay out text the same way: one paragraph per block element, blank lines between them.
 *
 * The DOM is typed structurally: the readers run in Node on linkedom, without the DOM lib.
 */
import { parseHTML } from 'linkedom'
import { normaliseText } from './decode'

export interface DomNode {
  nodeType: number
  nodeName: string
  textContent: string | null
  childNodes: ArrayLike<DomNode>
}

export interface DomElement extends DomNode {
  tagName: string
  children: ArrayLike<DomElement>
  getAttribute(name: string): string | null
  querySelector(selector: string): DomElement | null
  querySelectorAll(selector: string): ArrayLike<DomElement>
  closest(selector: string): DomElement | null
  remove(): void
}

export interface DomDocument {
  documentElement: DomElement
  body: DomElement | null
  querySelector(selector: string): DomElement | null
  querySelectorAll(selector: string): ArrayLike<DomElement>
}

const ELEMENT_NODE = 1
const TEXT_NODE = 3

// prettier-ignore
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY',
  'TFOOT', 'THEAD', 'TR', 'UL',
])

/** Elements whose content is never running text. */
// prettier-ignore
export const NEVER_TEXT = [
  'script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'embed', 'img',
  'picture', 'video', 'audio', 'map', 'button', 'input', 'select', 'textarea', 'head', 'title',
]

export function parseHtmlDocument(html: string): DomDocument {
  return parseHTML(completeDocument(html)).document as unknown as DomDocument
}

/**
 * linkedom, unlike browsers, makes the first element the document element when `<html>` or
 * `<body>` is missing (fragments, hand-written pages), and content after `</head>` without a
 * `<body>` gets lost. Such pages are given the skeleton a browser would infer.
 */
function completeDocument(html: string): string {
  if (/<html[\s>]/i.test(html) && /<body[\s>]/i.test(html)) return html
  const bare = html.replace(/<!doctype[^>]*>|<\/?(?:html|body)\b[^>]*>/gi, '')
  const headEnd = bare.search(/<\/head\s*>/i)
  const head = headEnd < 0 ? '' : bare.slice(0, headEnd).replace(/<head\b[^>]*>/i, '')
  const body = headEnd < 0 ? bare : bare.slice(headEnd).replace(/^<\/head\s*>/i, '')
  return `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`
}

/** The text of an element: one paragraph per block, blank-line separated, `<br>` as line break. */
export function elementToText(root: DomNode): string {
  return elementToBlocks(root)
    .map((b) => b.text)
    .join('\n\n')
}

export interface TextBlock {
  text: string
  /** the block is (inside) an `<h1>`–`<h6>` */
  heading: boolean
}

const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6'])

/** The paragraphs of an element, in order, each marked when it is a heading. */
export function elementToBlocks(root: DomNode): TextBlock[] {
  const paragraphs: TextBlock[] = []
  let current = ''
  let headingDepth = 0
  const flush = (): void => {
    const lines = current.split('\n').map((l) =>
      l
        .replace(/ {2,}/g, ' ')
        .replace(/ ?\t ?/g, '\t')
        .trim(),
    )
    // Two <br> in a row are how many sites separate paragraphs.
    for (const p of lines.join('\n').split(/\n{2,}/)) {
      const trimmed = p.trim()
      if (trimmed !== '') paragraphs.push({ text: trimmed, heading: headingDepth > 0 })
    }
    current = ''
  }
  const walk = (node: DomNode, pre: boolean, cell: boolean): void => {
    if (node.nodeType === TEXT_NODE) {
      const t = node.textContent ?? ''
      current += pre ? t.replace(/\r\n?/g, '\n') : t.replace(/[ \t\n\r\f]+/g, ' ')
      return
    }
    if (node.nodeType !== ELEMENT_NODE) return
    const name = node.nodeName.toUpperCase()
    if (NEVER_TEXT.includes(name.toLowerCase())) return
    if (name === 'BR') {
      current += '\n'
      return
    }
    // A table row is one paragraph, its cells separated by tabs, even when cells hold <p>s.
    const isCell = name === 'TD' || name === 'TH'
    const block = BLOCKS.has(name) && !cell
    if (block) flush()
    else if (cell && BLOCKS.has(name)) current += ' '
    const heading = block && HEADINGS.has(name)
    if (heading) headingDepth++
    for (const child of Array.from(node.childNodes)) {
      walk(child, pre || name === 'PRE', cell || isCell)
    }
    if (block) flush()
    if (heading) headingDepth--
    if (isCell) current = `${current.trim()}\t`
  }
  walk(root, false, false)
  flush()
  return paragraphs
}

/** A stretch of a document's text, by character offsets: [start, end). */
export interface TextSpan {
  start: number
  end: number
}

/**
 * The normalised text of the blocks, one paragraph each, and where the headings stand in it, so
 * the segmenter's units there can become heading units ("Was bedeutet das für Mieter?" is a
 * heading because the page says so, not because of its wording).
 */
export function blocksToText(blocks: TextBlock[]): { text: string; headings: TextSpan[] } {
  const parts: string[] = []
  const headings: TextSpan[] = []
  let at = 0
  for (const block of blocks) {
    const text = normaliseText(block.text)
    if (text === '') continue
    if (parts.length > 0) at += 2
    if (block.heading) headings.push({ start: at, end: at + text.length })
    parts.push(text)
    at += text.length
  }
  return { text: parts.join('\n\n'), headings }
}

/** Removes every element matching the selector. */
export function removeAll(root: DomDocument | DomElement, selector: string): void {
  for (const el of Array.from(root.querySelectorAll(selector))) el.remove()
}
