/**
 * Features of a German news sentence, hashed into a fixed space of 2^bits columns:
 * - word unigrams and bigrams of the lower-cased text (tokens are runs of letters and digits, so
 *   "ÖFB-Teamspieler" gives "öfb" and "teamspieler");
 * - character n-grams of each token padded with a space at both ends, so that the parts of a
 *   compound ("Bundes|regierung", "Flüchtlings|krise") and inflected forms ("Regierung",
 *   "Regierungen", "Regierungschef") share columns; the padding marks prefixes and suffixes;
 * - meta features: the codebook's actors that the alias rules find in the sentence, and the
 *   sentence's position in its article (first, second, last, and a fifth of the article).
 * Each group is hashed with its own seed; the groups are weighted and normalised apart
 * (vectorizer.ts), as scikit-learn's FeatureUnion of TF-IDF vectorisers does.
 */

// Feature hashing: 32-bit FNV-1a over UTF-16 code units, finished with MurmurHash3's mixer.
// Hand-written, not a library (murmurhash3js, xxhash-wasm): those hash bytes or whole strings,
// so every n-gram would first become a substring or a UTF-8 buffer; here character n-grams are
// hashed incrementally as they grow, the hot path of predictions over 100,000 sentences. Kept in
// this module: a call across modules costs a getter per call when run through tsx (the CLI).

const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193

/** One step of FNV-1a: the hash `h` extended by one UTF-16 code unit. */
function fnvStep(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME)
}

/** MurmurHash3's finaliser: spreads FNV's weak low bits over the whole word. */
function mix(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** The raw FNV-1a state of a whole string, starting from `seed`. */
function fnvString(s: string, seed = FNV_OFFSET): number {
  let h = seed
  for (let i = 0; i < s.length; i++) h = fnvStep(h, s.charCodeAt(i))
  return h
}

/** What the model sees of one sentence. */
export interface SentenceInput {
  text: string
  /** The sentence's position among the sentences of its article (0-based), when known. */
  index?: number
  /** How many sentences the article has, when known. */
  count?: number
  /** Label ids that the codebook's alias rules find in the sentence (actors). */
  actors?: readonly string[]
}

export interface FeatureOptions {
  /** The hashed space has 2^bits columns. */
  bits: number
  /** 1: unigrams only; 2: unigrams and bigrams. */
  wordNgrams: number
  charMin: number
  charMax: number
}

export const DEFAULT_FEATURES: FeatureOptions = { bits: 18, wordNgrams: 2, charMin: 2, charMax: 5 }

/** Hashed column ids per group, with repeats (a repeat is a term frequency). */
export interface HashedFeatures {
  word: Int32Array
  char: Int32Array
  meta: Int32Array
}

const TOKEN = /[\p{L}\p{N}]+/gu
const SEED_WORD = fnvString('w')
const SEED_BIGRAM = fnvString('b')
const SEED_META = fnvString('m')

export function tokenize(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(TOKEN) ?? []
}

/** A reusable growing buffer of column ids, so hashing a sentence allocates next to nothing. */
class IdBuffer {
  data = new Int32Array(1024)
  length = 0
  push(id: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2)
      next.set(this.data)
      this.data = next
    }
    this.data[this.length++] = id
  }
  /** The ids gathered, copied (`copy`) or as a view that the next use of the buffer overwrites. */
  take(copy: boolean): Int32Array {
    const out = copy ? this.data.slice(0, this.length) : this.data.subarray(0, this.length)
    this.length = 0
    return out
  }
}

const SPACE = 32

export class Featurizer {
  private readonly mask: number
  private readonly words = new IdBuffer()
  private readonly chars = new IdBuffer()
  private readonly meta = new IdBuffer()

  constructor(readonly options: FeatureOptions = DEFAULT_FEATURES) {
    if (options.bits < 4 || options.bits > 24) throw new RangeError('bits must be within 4..24')
    this.mask = (1 << options.bits) - 1
  }

  /**
   * The hashed features of a sentence. With `copy` false they are views into this featuriser's
   * buffers, valid until its next call: what a prediction needs, without the garbage.
   */
  hash(input: SentenceInput, copy = true): HashedFeatures {
    const { wordNgrams, charMin, charMax } = this.options
    const tokens = tokenize(input.text)
    const hashes = new Array<number>(tokens.length)
    for (let t = 0; t < tokens.length; t++) {
      const token = tokens[t]
      const h = fnvString(token, SEED_WORD)
      hashes[t] = h
      this.words.push(mix(h) & this.mask)
      if (wordNgrams >= 2 && t > 0)
        this.words.push(mix(fnvStep(fnvStep(hashes[t - 1], SPACE), h)) & this.mask)
      this.charGrams(token, charMin, charMax)
    }
    if (wordNgrams >= 2 && tokens.length > 0) {
      // The first word as a bigram with the sentence's start: openings like "Wien –" are telling.
      this.words.push(mix(fnvStep(SEED_BIGRAM, hashes[0])) & this.mask)
    }
    for (const actor of input.actors ?? []) this.metaFeature(`actor:${actor}`)
    this.position(input)
    return { word: this.words.take(copy), char: this.chars.take(copy), meta: this.meta.take(copy) }
  }

  /** N-grams of " token ", hashed as they grow from each start: no substring is built. */
  private charGrams(token: string, min: number, max: number): void {
    const n = token.length + 2
    for (let start = 0; start < n; start++) {
      let h = FNV_OFFSET
      const end = Math.min(n, start + max)
      for (let i = start; i < end; i++) {
        h = fnvStep(h, i === 0 || i === n - 1 ? SPACE : token.charCodeAt(i - 1))
        if (i - start + 1 >= min) this.chars.push(mix(h) & this.mask)
      }
    }
  }

  private position(input: SentenceInput): void {
    if (input.index === undefined) return
    if (input.index === 0) this.metaFeature('pos:first')
    else if (input.index === 1) this.metaFeature('pos:second')
    if (input.count !== undefined && input.count > 0) {
      if (input.index === input.count - 1) this.metaFeature('pos:last')
      const fifth = Math.min(4, Math.floor((5 * input.index) / input.count))
      this.metaFeature(`pos:fifth${fifth}`)
    }
  }

  private metaFeature(name: string): void {
    this.meta.push(mix(fnvString(name, SEED_META)) & this.mask)
  }
}
