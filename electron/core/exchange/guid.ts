/**
 * Deterministic GUIDs for REFI-QDA elements: a name-based UUID (RFC 9562 version 5, SHA-1) of
 * what the element is, so the same project exports the same GUIDs every time and an export
 * read back and exported again keeps them. Elements made of others (a coding: a selection and a
 * code) take their name from the GUIDs of their parts.
 */
import { createHash } from 'node:crypto'

/** Pressecoder's namespace: fixed once, never to change (every exported GUID hangs on it). */
const NAMESPACE = Buffer.from('8f1c2d3e4b5a46978a9b0c1d2e3f4a5b', 'hex')

export type GuidKind =
  'project' | 'user' | 'code' | 'source' | 'selection' | 'coding' | 'note' | 'variable'

export function guidFor(kind: GuidKind, ...parts: string[]): string {
  const hash = createHash('sha1')
    .update(NAMESPACE)
    .update(JSON.stringify([kind, ...parts]))
    .digest()
  hash[6] = (hash[6] & 0x0f) | 0x50
  hash[8] = (hash[8] & 0x3f) | 0x80
  const hex = hash.subarray(0, 16).toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** A GUID as the schema allows it (with or without braces), in one spelling for comparison. */
export function normaliseGuid(guid: string): string {
  return guid
    .trim()
    .replace(/^\{|\}$/g, '')
    .toLowerCase()
}
