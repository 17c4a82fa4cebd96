/**
 * The floors of the exports: the same rows the exporter wrote, serialised the plainest way and
 * written from one thread, timed in the same run. JSONL's floor is `JSON.stringify` per row;
 * CSV's is the minimal RFC 4180 quoting (a cell with a quote, separator or line break quoted,
 * quotes doubled). Reading the rows back (parsing the export) is not timed: the floor is what
 * serialising and writing alone cost, so an exporter at ≥ 1.0× its floor reads the corpus,
 * builds the rows and writes them at least as fast as one thread only serialises them.
 */
import { closeSync, createReadStream, fsyncSync, openSync, writeSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import Papa from 'papaparse'

export interface Floor {
  rows: number
  /** Serialising and writing, ms (wall), and the process's CPU time over the same spans. */
  ms: number
  cpuMs: number
}

const BATCH = 5000

/** Splits a UTF-8 file into lines, batch by batch, without holding the whole file. */
async function* lineBatches(file: string): AsyncGenerator<string[]> {
  let rest = ''
  let batch: string[] = []
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const parts = (rest + chunk).split('\n')
    rest = parts.pop() ?? ''
    for (const p of parts) {
      batch.push(p)
      if (batch.length >= BATCH) {
        yield batch
        batch = []
      }
    }
  }
  if (rest) batch.push(rest)
  if (batch.length) yield batch
}

async function timedFloor<R>(
  source: string,
  out: string,
  parse: (lines: string[]) => R[],
  serialise: (rows: R[]) => string,
): Promise<Floor> {
  const fd = openSync(out, 'w')
  let ms = 0
  let cpuMs = 0
  let rows = 0
  try {
    for await (const lines of lineBatches(source)) {
      const parsed = parse(lines)
      const c = process.cpuUsage()
      const t = performance.now()
      writeSync(fd, serialise(parsed))
      ms += performance.now() - t
      const used = process.cpuUsage(c)
      cpuMs += (used.user + used.system) / 1000
      rows += parsed.length
    }
    const t = performance.now()
    fsyncSync(fd)
    ms += performance.now() - t
  } finally {
    closeSync(fd)
    await rm(out, { force: true })
  }
  return { rows, ms, cpuMs }
}

/** JSON.stringify of every line's object, one line each. */
export function jsonlFloor(exported: string, out: string): Promise<Floor> {
  return timedFloor(
    exported,
    out,
    (lines) => lines.filter((l) => l.length > 0).map((l) => JSON.parse(l) as unknown),
    (rows) => {
      let text = ''
      for (const r of rows) text += JSON.stringify(r) + '\n'
      return text
    },
  )
}

const NEEDS_QUOTES = /[",\r\n;\t]/
const cell = (v: string) => (NEEDS_QUOTES.test(v) ? `"${v.replaceAll('"', '""')}"` : v)

/** The CSV's records (parsed back by papaparse's stream, untimed), quoted minimally and joined. */
export function csvFloor(exported: string, out: string): Promise<Floor> {
  const fd = openSync(out, 'w')
  const floor: Floor = { rows: 0, ms: 0, cpuMs: 0 }
  return new Promise<Floor>((ok, fail) => {
    Papa.parse<string[]>(createReadStream(exported, { encoding: 'utf8' }), {
      chunk: (results) => {
        const rows = results.data.filter((r) => r.length > 1 || r[0] !== '')
        const c = process.cpuUsage()
        const t = performance.now()
        let text = ''
        for (const r of rows) text += r.map(cell).join(',') + '\n'
        writeSync(fd, text)
        floor.ms += performance.now() - t
        const used = process.cpuUsage(c)
        floor.cpuMs += (used.user + used.system) / 1000
        floor.rows += rows.length
      },
      complete: () => ok(floor),
      error: (e: Error) => fail(e),
    })
  }).finally(async () => {
    const t = performance.now()
    fsyncSync(fd)
    floor.ms += performance.now() - t
    closeSync(fd)
    await rm(out, { force: true })
  })
}
