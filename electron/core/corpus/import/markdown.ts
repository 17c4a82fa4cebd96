/**
 * Markdown, lightly: analysts get articles as .md from note apps and converters, and what matters
 * is the words. Markup goes, paragraphs stay; the first heading becomes the title and YAML front
 * matter gives metadata.
 */
import type { DocumentMeta } from '../../../contract/model'
import { normaliseDate } from './dates'
import { normaliseText } from './decode'

export interface MarkdownText {
  text: string
  title?: string
  meta: DocumentMeta
}

const FRONT_MATTER = /^---\n([\s\S]*?)\n(?:---|\.\.\.)\n/
// prettier-ignore
const FRONT_KEYS: Record<string, keyof Omit<DocumentMeta, 'extra'>> = {
  title: 'title', titel: 'title', author: 'author', autor: 'author', date: 'date', datum: 'date',
  source: 'source', quelle: 'source', url: 'url', link: 'url', genre: 'genre', ressort: 'genre',
}

/** Expects normalised text (\n line endings). */
export function stripMarkdown(markdown: string): MarkdownText {
  const meta: DocumentMeta = {}
  let body = markdown
  const front = FRONT_MATTER.exec(body)
  if (front) {
    body = body.slice(front[0].length)
    for (const line of (front[1] ?? '').split('\n')) {
      const [, name = '', raw = ''] = /^([A-Za-zÄÖÜäöü]+)\s*:\s*(.+)$/.exec(line.trim()) ?? []
      const key = FRONT_KEYS[name.toLowerCase()]
      if (!key) continue
      const value = raw.trim().replace(/^(["'])(.*)\1$/, '$2')
      if (value !== '') meta[key] = key === 'date' ? normaliseDate(value) : value
    }
  }

  let title: string | undefined
  const lines: string[] = []
  let fenced = false
  for (const line of body.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced
      continue
    }
    if (fenced) {
      lines.push(line)
      continue
    }
    // Setext heading underline: the line above is the heading.
    if (/^\s*(=+|-+)\s*$/.test(line) && lines.at(-1)?.trim()) {
      const text = (lines.pop() ?? '').trim()
      title ??= text
      lines.push('', text, '')
      continue
    }
    if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) continue // horizontal rule
    if (/^\s*\[[^\]]+\]:\s*\S+/.test(line)) continue // link reference definition
    const heading = /^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line)
    if (heading) {
      const text = inline(heading[1] ?? '').trim()
      title ??= text
      // A heading is a paragraph of its own even when the file has no blank line around it.
      lines.push('', text, '')
      continue
    }
    const unquoted = line.replace(/^\s*(>\s?)+/, '')
    lines.push(inline(unquoted.replace(/^(\s*)[-*+]\s+(?!\s)/, '$1')))
  }
  return { text: normaliseText(lines.join('\n')), title: title || undefined, meta }
}

/** Inline markup → its text: images dropped, links to their text, emphasis and code unwrapped. */
function inline(s: string): string {
  return s
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?!\w)/g, '$1$2')
    .replace(/(^|[^\w])_(?=\S)([^_]*?\S)_(?!\w)/g, '$1$2')
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, '$1')
}
