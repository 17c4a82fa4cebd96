/**
 * Word documents. mammoth turns the body into HTML, which gives paragraphs and headings the same
 * layout as HTML imports; the core properties (title, author, creation date) fill the metadata.
 */
import { XMLParser } from 'fast-xml-parser'
import mammoth from 'mammoth'
import type { DocumentMeta } from '../../../contract/model'
import { normaliseDate } from './dates'
import { toBuffer } from './decode'
import {
  type TextSpan,
  blocksToText,
  elementToBlocks,
  parseHtmlDocument,
  removeAll,
} from './dom-text'
import { extractMetadata } from './metadata'
import { msg, type Message } from '../../../contract/messages'

export type DocxResult =
  | { ok: true; text: string; headings: TextSpan[]; meta: DocumentMeta; warnings: Message[] }
  | { ok: false; reason: Message }

const DAMAGED_DOCX: Message = msg('import.docxDamaged')
const OLE_DOCX: Message = msg('import.docxOld')

const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"]

export async function readDocx(bytes: Uint8Array): Promise<DocxResult> {
  if (bytes.length === 0) return { ok: false, reason: msg('import.empty') }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return { ok: false, reason: OLE_DOCX }
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return { ok: false, reason: DAMAGED_DOCX }

  let html: string
  try {
    const result = await mammoth.convertToHtml(
      { buffer: toBuffer(bytes) },
      {
        styleMap: STYLE_MAP,
        // Images never become text; not encoding them as data URIs saves time and memory.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    )
    html = result.value
  } catch {
    return { ok: false, reason: DAMAGED_DOCX }
  }

  const doc = parseHtmlDocument(`<!DOCTYPE html><html><body>${html}</body></html>`)
  // Footnote back-links are mammoth's "↑" arrows, not part of the text.
  removeAll(doc, 'a[href^="#footnote-ref"], a[href^="#endnote-ref"]')
  // Word's heading styles come out of mammoth as <h1>–<h6>: they become heading units.
  const { text, headings } = doc.body
    ? blocksToText(elementToBlocks(doc.body))
    : { text: '', headings: [] }
  if (text === '') return { ok: false, reason: msg('import.docxNoText') }

  const core = await coreProperties(bytes)
  const fromText = extractMetadata(text)
  const heading = doc.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim()
  const meta: DocumentMeta = { ...fromText }
  const title = core.title ?? (heading || undefined) ?? fromText.title
  if (title) meta.title = title
  // Words in the text describe the article; core properties often describe whoever saved the
  // file. The creation time is the file's, not the article's, so it never becomes the date.
  meta.author ??= core.creator
  if (core.created) meta.extra = { ...meta.extra, created: core.created }
  for (const k of Object.keys(meta) as (keyof DocumentMeta)[]) if (!meta[k]) delete meta[k]
  return { ok: true, text, headings, meta, warnings: [] }
}

interface CoreProperties {
  title?: string
  creator?: string
  created?: string
}

/** docProps/core.xml, if the package has one; a missing or odd one just gives no metadata. */
async function coreProperties(bytes: Uint8Array): Promise<CoreProperties> {
  try {
    // jszip comes with mammoth; loaded lazily so the text import never depends on it.
    const { default: JSZip } = await import('jszip')
    const zip = await JSZip.loadAsync(bytes)
    const xml = await zip.file('docProps/core.xml')?.async('string')
    if (!xml) return {}
    const parser = new XMLParser({
      removeNSPrefix: true,
      ignoreAttributes: true,
      parseTagValue: false,
    })
    const props = (parser.parse(xml) as { coreProperties?: Record<string, unknown> }).coreProperties
    const text = (v: unknown): string | undefined =>
      typeof v === 'string' && v.trim() !== '' ? v.trim().normalize('NFC') : undefined
    const created = text(props?.created)
    return {
      title: text(props?.title),
      creator: text(props?.creator),
      created: created ? normaliseDate(created) : undefined,
    }
  } catch {
    return {}
  }
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b)
}
