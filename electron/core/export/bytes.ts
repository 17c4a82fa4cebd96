/**
 * The bytes of an export as they are made: text is encoded straight into large slabs, and what
 * one document produced is taken out as slices of them. No string per line or per document has
 * to be kept, joined or encoded again, and one slice can go to two files (the full export and
 * its split) without a copy.
 */
import type { ExportDocument } from './rows'

/** Appends what a format writes for one document and returns how many rows (lines) that was. */
export type DocumentWriter = (doc: ExportDocument, out: ByteBuilder) => number

/** New slabs are this big; a longer piece gets a slab of its own size. */
const SLAB_BYTES = 4 << 20

export class ByteBuilder {
  private slab = Buffer.allocUnsafe(SLAB_BYTES)
  /** Where the bytes not yet taken start in the current slab. */
  private start = 0
  private end = 0
  private pieces: Buffer[] = []

  /** Appends text as UTF-8. */
  text(s: string): void {
    // A UTF-16 code unit is at most three bytes of UTF-8.
    this.room(s.length * 3)
    this.end += this.slab.write(s, this.end)
  }

  /** Appends bytes encoded before (a part every line of a document repeats). */
  bytes(b: Uint8Array): void {
    this.room(b.length)
    this.slab.set(b, this.end)
    this.end += b.length
  }

  /** Everything appended since the last call, as slices that stay valid. */
  take(): Buffer[] {
    this.cut()
    const pieces = this.pieces
    this.pieces = []
    return pieces
  }

  private room(n: number): void {
    if (this.end + n <= this.slab.length) return
    this.cut()
    // The old slab stays alive only as long as slices of it wait to be written.
    this.slab = Buffer.allocUnsafe(Math.max(SLAB_BYTES, n))
    this.start = this.end = 0
  }

  private cut(): void {
    if (this.end > this.start) this.pieces.push(this.slab.subarray(this.start, this.end))
    this.start = this.end
  }
}

/** The total length of some slices. */
export function byteLength(pieces: readonly Uint8Array[]): number {
  let n = 0
  for (const p of pieces) n += p.length
  return n
}
