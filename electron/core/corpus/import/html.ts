/**
 * HTML pages saved from news sites: the article's text and its metadata, without navigation,
 * cookie banners, ads and scripts. Readability finds the article; when it gives up (tiny pages),
 * the body without page furniture is used instead.
 */
import { Readability } from '@mozilla/readability'
import type { DocumentMeta } from '../../../contract/model'
import { normaliseDate } from './dates'
import { decodeText } from './decode'
import {
  type DomDocument,
  type DomElement,
  type DomNode,
  type TextSpan,
  NEVER_TEXT,
  blocksToText,
  elementToBlocks,
  parseHtmlDocument,
  removeAll,
} from './dom-text'
import { msg, type Message } from '../../../contract/messages'

export type HtmlResult =
  | { ok: true; text: string; headings: TextSpan[]; meta: DocumentMeta; warnings: Message[] }
  | { ok: false; reason: Message }

/** Class and id words of page furniture that Readability would otherwise keep (ad labels…). */
// prettier-ignore
const NOISE_WORDS = new Set([
  'ad', 'ads', 'advert', 'adverts', 'advertisement', 'anzeige', 'anzeigen', 'werbung', 'sponsored',
  'cookie', 'cookies', 'consent', 'gdpr', 'cmp', 'newsletter', 'paywall', 'share', 'sharing',
  'social', 'promo', 'outbrain', 'taboola', 'related', 'breadcrumb', 'breadcrumbs',
])
const NOISE_ROLES = '[role="navigation"], [role="dialog"], [role="alertdialog"], [role="search"]'
const AD_LABEL = /^(anzeige|werbung|advertisement|sponsored|ad)$/i
const FURNITURE = 'nav, header, footer, aside, menu'

export function readHtml(bytes: Uint8Array): HtmlResult {
  const decoded = decodeText(bytes, { declaredCharset: declaredCharset(bytes) })
  if (!decoded.ok) return decoded
  const html = decoded.text

  const doc = parseHtmlDocument(html)
  const meta = metaFromHead(doc)
  removeNoise(doc)
  // Before Readability, which rewrites the document it reads.
  const headline = articleHeadline(doc)
  const article = parseArticle(doc)

  let body = article ? blocksToText(elementToBlocks(article.content)) : NO_TEXT
  if (body.text === '') {
    const fallback = parseHtmlDocument(html)
    removeNoise(fallback)
    removeAll(fallback, FURNITURE)
    body = fallback.body ? blocksToText(elementToBlocks(fallback.body)) : NO_TEXT
  }
  const { text, headings } = body
  if (text === '') return { ok: false, reason: msg('import.htmlNoText') }
  // The article's own headline is the title; <title> often carries the site's name as well.
  if (headline) meta.title = headline

  if (article) {
    meta.title ??= clean(article.title)
    meta.author ??= clean(article.byline)?.replace(/^von\s+/i, '')
    meta.source ??= clean(article.siteName)
    const published = clean(article.publishedTime)
    if (published) meta.date ??= normaliseDate(published)
  }
  meta.title ??= clean(doc.querySelector('title')?.textContent)
  return { ok: true, text, headings, meta: dropEmpty(meta), warnings: decoded.warnings }
}

const NO_TEXT = { text: '', headings: [] as TextSpan[] }

/**
 * The `<h1>` of the article: inside `<article>` or `<main>` when the page has them (an `<h1>`
 * elsewhere on such a page is the site's logo or name), else the page's first.
 */
function articleHeadline(doc: DomDocument): string | undefined {
  const framed = doc.querySelector('article, main') !== null
  const h1 =
    doc.querySelector('article h1') ??
    doc.querySelector('main h1') ??
    (framed ? null : doc.querySelector('h1'))
  return clean(h1?.textContent)
}

/** `<meta charset>` or the http-equiv form, looked up in the raw bytes as browsers do. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1')
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head)?.[1]
}

function metaFromHead(doc: DomDocument): DocumentMeta {
  const content = (...selectors: string[]): string | undefined => {
    for (const s of selectors) {
      const value = clean(doc.querySelector(s)?.getAttribute('content'))
      if (value) return value
    }
    return undefined
  }
  const author = content('meta[name="author"]', 'meta[name="dcterms.creator"]')
  const articleAuthor = content('meta[property="article:author"]')
  const date = content(
    'meta[property="article:published_time"]',
    'meta[name="date"]',
    'meta[name="dcterms.date"]',
    'meta[name="dc.date"]',
    'meta[itemprop="datePublished"]',
  )
  return {
    title: content('meta[property="og:title"]', 'meta[name="twitter:title"]'),
    // article:author is often a profile URL, which says nothing to an analyst.
    author:
      author ?? (articleAuthor && !/^https?:/.test(articleAuthor) ? articleAuthor : undefined),
    date: date ? normaliseDate(date) : undefined,
    source: content('meta[property="og:site_name"]', 'meta[name="publisher"]'),
    url:
      clean(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')) ??
      content('meta[property="og:url"]'),
    genre: content('meta[property="article:section"]'),
  }
}

function removeNoise(doc: DomDocument): void {
  removeAll(doc, NEVER_TEXT.filter((t) => t !== 'head' && t !== 'title').join(', '))
  removeAll(doc, `nav, ${NOISE_ROLES}, [hidden], [aria-hidden="true"]`)
  // The site's header, footer and sidebars; an article's own header holds headline and byline.
  for (const el of Array.from(doc.querySelectorAll('header, footer, aside'))) {
    if (!el.closest('article') && !el.querySelector('h1')) el.remove()
  }
  for (const el of Array.from(doc.querySelectorAll('[class], [id]'))) {
    const words = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`
      .toLowerCase()
      .split(/[\s_-]+/)
    if (words.some((w) => NOISE_WORDS.has(w)) && !mayHoldArticle(el)) el.remove()
  }
  for (const el of Array.from(doc.querySelectorAll('span, p, div, strong, small'))) {
    if (AD_LABEL.test((el.textContent ?? '').trim())) el.remove()
  }
}

/**
 * Class names are only a hint: a wrapper called "article social-enabled" must not take the
 * article with it, so large or structural elements stay.
 */
function mayHoldArticle(el: DomElement): boolean {
  if (/^(HTML|BODY|MAIN|ARTICLE)$/i.test(el.tagName)) return true
  if (el.querySelector('article, main, h1')) return true
  return (el.textContent ?? '').length > 1500
}

interface Article {
  content: DomNode
  title?: string | null
  byline?: string | null
  siteName?: string | null
  publishedTime?: string | null
}

function parseArticle(doc: DomDocument): Article | undefined {
  try {
    // The serializer hands back the DOM node itself, saving a second HTML parse.
    const reader = new Readability<DomNode>(doc as never, { serializer: (n) => n as DomNode })
    const result = reader.parse()
    if (!result?.content) return undefined
    return { ...result, content: result.content }
  } catch {
    // Readability throws on some malformed documents; the body fallback still works there.
    return undefined
  }
}

function clean(value: string | null | undefined): string | undefined {
  const v = value?.replace(/\s+/g, ' ').trim().normalize('NFC')
  return v ? v : undefined
}

function dropEmpty(meta: DocumentMeta): DocumentMeta {
  const out: DocumentMeta = {}
  for (const [k, v] of Object.entries(meta) as [keyof DocumentMeta, string | undefined][]) {
    if (typeof v === 'string' && v !== '') (out as Record<string, string>)[k] = v
  }
  return out
}
