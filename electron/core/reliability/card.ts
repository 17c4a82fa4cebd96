/**
 * What the dataset card of an export says about intercoder reliability: Krippendorff's alpha
 * per dimension with its bootstrap interval and verdict, over the latest reliability sample (or
 * over every sentence coded by two coders or more when no sample was drawn), which sample that
 * is and the codebook version it was coded under. English or German, as the card.
 */
import type { CardLanguage } from '../../contract/exportOptions'
import { formatMessage } from '../../contract/messages'
import type { AlphaView, ReliabilityView, VerdictLevel } from '../../contract/reliability'
import type { TeamStatus } from '../../contract/team'
import type { Reliability } from './room'

export interface CardReliability {
  /** The codebook version the report was computed under (the project's current one). */
  codebookVersion: number
  coders: number
  sample: {
    name: string
    round: number
    sentences: number
    codebookVersion: number
    seed: number
    unit: 'documents' | 'sentences'
  } | null
  report: ReliabilityView
}

/** The report for the card, or null when fewer than two coders coded anything. */
export async function cardReliability(
  room: Reliability,
  status: TeamStatus,
): Promise<CardReliability | null> {
  await room.store.load()
  const latest = room.store.samples().at(-1) ?? null
  const report = await room.report(status, latest?.id ?? null)
  if (report.coders.length < 2) return null
  return {
    codebookVersion: report.codebookVersion,
    coders: report.coders.length,
    sample: latest && {
      name: latest.name,
      round: latest.round,
      sentences: latest.items.reduce((n, i) => n + i.unitIds.length, 0),
      codebookVersion: latest.codebookVersion,
      seed: latest.seed,
      unit: latest.unit,
    },
    report,
  }
}

const TEXT = {
  en: {
    heading: '## Intercoder reliability',
    sample: (s: NonNullable<CardReliability['sample']>, coders: number) =>
      `Measured on the reliability sample “${s.name}” (round ${s.round}, ${s.sentences} sentences drawn by ${s.unit === 'documents' ? 'document' : 'sentence'} with seed ${s.seed}, drawn under codebook version ${s.codebookVersion}), coded independently and blind by ${coders} coders.`,
    all: (coders: number) =>
      `Measured on every sentence coded by two or more of the ${coders} coders (no reliability sample was drawn).`,
    version: (v: number) => `The figures are computed under codebook version ${v}.`,
    thresholds:
      'Krippendorff’s α with its 95 % bootstrap interval (Hayes and Krippendorff 2007, 1,000 draws). Rely on a variable from α ≥ .800; draw tentative conclusions only from .667 on.',
    variable: 'Variable',
    metric: 'Metric',
    alpha: 'α',
    interval: '95 % interval',
    units: 'Sentences',
    verdict: 'Verdict',
    statements: 'Statements (actor, concept, stance)',
    verdicts: {
      reliable: 'reliable',
      tentative: 'tentative conclusions only',
      unreliable: 'not reliable',
      undefined: 'undefined',
    } satisfies Record<VerdictLevel, string>,
    decimal: '.',
  },
  de: {
    heading: '## Intercoder-Reliabilität',
    sample: (s: NonNullable<CardReliability['sample']>, coders: number) =>
      `Gemessen an der Reliabilitätsstichprobe „${s.name}“ (Runde ${s.round}, ${s.sentences} Sätze, gezogen nach ${s.unit === 'documents' ? 'Dokumenten' : 'Sätzen'} mit Startwert ${s.seed} unter Codebuch-Version ${s.codebookVersion}), unabhängig und verblindet codiert von ${coders} Codierenden.`,
    all: (coders: number) =>
      `Gemessen an allen Sätzen, die mindestens zwei der ${coders} Codierenden codiert haben (es wurde keine Reliabilitätsstichprobe gezogen).`,
    version: (v: number) => `Die Werte sind unter Codebuch-Version ${v} berechnet.`,
    thresholds:
      'Krippendorffs α mit 95-%-Bootstrap-Intervall (Hayes und Krippendorff 2007, 1.000 Ziehungen). Verlässlich ab α ≥ .800; vorläufige Schlüsse erst ab .667.',
    variable: 'Variable',
    metric: 'Metrik',
    alpha: 'α',
    interval: '95-%-Intervall',
    units: 'Sätze',
    verdict: 'Urteil',
    statements: 'Aussagen (Akteur, Konzept, Haltung)',
    verdicts: {
      reliable: 'reliabel',
      tentative: 'nur vorläufige Schlüsse',
      unreliable: 'nicht reliabel',
      undefined: 'nicht bestimmbar',
    } satisfies Record<VerdictLevel, string>,
    decimal: ',',
  },
}

/** The card's section; `escape` makes analysts' names safe for Markdown. */
export function reliabilitySection(
  r: CardReliability | null | undefined,
  language: CardLanguage,
  escape: (text: string) => string,
): string[] {
  if (!r) return []
  const w = TEXT[language]
  const num = (x: number) => x.toFixed(3).replace('.', w.decimal)
  const row = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`
  const header = [w.variable, w.metric, w.alpha, w.interval, w.units, w.verdict]
  const alphaRow = (name: string, a: AlphaView, units: number) => {
    const alpha =
      a.alpha.value === null
        ? `${w.verdicts.undefined}${a.alpha.reason ? ` (${escape(formatMessage(a.alpha.reason, language))})` : ''}`
        : num(a.alpha.value)
    const interval = a.interval ? `${num(a.interval.low)} – ${num(a.interval.high)}` : '–'
    return row([name, a.metric, alpha, interval, units, w.verdicts[a.verdict]])
  }
  // A dimension on an ordinal, interval or ratio scale has a second row, with that metric.
  const rows = r.report.variables.flatMap((v) => {
    const name = v.id === 'statements' ? w.statements : escape(v.name)
    const own = alphaRow(name, v.alpha, v.pairableUnits)
    return v.scaleAlpha ? [own, alphaRow(name, v.scaleAlpha, v.pairableUnits)] : [own]
  })
  return [
    w.heading,
    '',
    r.sample ? w.sample({ ...r.sample, name: escape(r.sample.name) }, r.coders) : w.all(r.coders),
    w.version(r.codebookVersion),
    '',
    w.thresholds,
    '',
    row(header),
    row(header.map(() => '---')),
    ...rows,
    '',
  ]
}
