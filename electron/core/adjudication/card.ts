/**
 * The dataset card's account of the gold layer: the coders' agreement (the reliability
 * report's alpha per variable), how many gold values all coders agreed on, how many a majority
 * gave and how many were adjudicated, by whom, and each coder's agreement with gold. English or
 * German, as the card.
 */
import type { AdjudicationView } from '../../contract/adjudication'
import type { ReliabilityView } from '../../contract/reliability'
import type { CardLanguage } from '../../contract/exportOptions'
import { escapeMarkdown as e } from '../export/card'
import type { GoldStore } from './goldStore'

const TEXT = {
  en: {
    heading: '## Gold layer and adjudication',
    intro:
      'The gold labels are the coders’ labels where they agreed, and an adjudicator’s decision where they did not. Every gold value records which coders had it, how it came to be, by whom and when (the `provenance` column of the long JSONL).',
    reliability: '### Agreement between the coders',
    variable: 'Variable',
    alpha: 'Krippendorff’s α',
    percent: 'Percent agreement',
    units: 'Sentences',
    values: '### Gold values',
    adjudicator: 'Adjudicator',
    unanimous: 'agreed by all coders',
    majority: 'by majority',
    decided: 'adjudicated',
    total: 'all',
    progress: (done: number, total: number) =>
      `${done} of ${total} sentences on which the coders differ are resolved.`,
    withGold: '### Each coder’s agreement with gold',
    coder: 'Coder',
    dimension: 'Dimension',
    kappa: 'Cohen’s κ',
    decimal: '.',
  },
  de: {
    heading: '## Goldebene und Entscheidung',
    intro:
      'Die Gold-Labels sind die Labels der Codierenden, wo sie übereinstimmten, und die Entscheidung einer entscheidenden Person, wo nicht. Jeder Goldwert hält fest, welche Codierenden ihn hatten, wie er zustande kam, durch wen und wann (die Spalte `provenance` des langen JSONL).',
    reliability: '### Übereinstimmung der Codierenden',
    variable: 'Variable',
    alpha: 'Krippendorffs α',
    percent: 'Prozentuale Übereinstimmung',
    units: 'Sätze',
    values: '### Goldwerte',
    adjudicator: 'Entscheidende Person',
    unanimous: 'von allen übereinstimmend',
    majority: 'nach Mehrheit',
    decided: 'entschieden',
    total: 'alle',
    progress: (done: number, total: number) =>
      `${done} von ${total} Sätzen, in denen die Codierenden abweichen, sind entschieden.`,
    withGold: '### Übereinstimmung jeder Codierperson mit Gold',
    coder: 'Codierperson',
    dimension: 'Dimension',
    kappa: 'Cohens κ',
    decimal: ',',
  },
} as const

function table(header: string[], rows: Array<Array<string | number>>): string {
  const line = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

export function adjudicationCard(
  view: AdjudicationView,
  store: GoldStore,
  reliability: ReliabilityView,
  nameOf: (coder: string) => string,
  language: CardLanguage,
): string {
  const w = TEXT[language]
  const num = (x: number | null, digits = 3) =>
    x === null ? '–' : x.toFixed(digits).replace('.', w.decimal)
  const out: string[] = [w.heading, '', w.intro, '']
  out.push(w.reliability, '')
  out.push(
    table(
      [w.variable, w.alpha, w.percent, w.units],
      reliability.variables.map((v) => [
        e(v.name),
        num(v.alpha.alpha.value),
        num(v.percentAgreement.value),
        v.pairableUnits,
      ]),
    ),
    '',
  )
  const byAdjudicator = new Map<string, { unanimous: number; majority: number; decided: number }>()
  for (const id of store.documentIds())
    for (const g of store.sentences(id).values())
      for (const v of Object.values(g.values)) {
        const counts = byAdjudicator.get(v.by) ?? { unanimous: 0, majority: 0, decided: 0 }
        counts[v.origin]++
        byAdjudicator.set(v.by, counts)
      }
  const p = view.progress
  out.push(w.values, '', w.progress(p.resolvedDisagreements, p.disagreements), '')
  out.push(
    table(
      [w.adjudicator, w.unanimous, w.majority, w.decided],
      [
        ...[...byAdjudicator]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([by, c]) => [e(nameOf(by)), c.unanimous, c.majority, c.decided]),
        [w.total, p.unanimous, p.majority, p.decided],
      ],
    ),
    '',
  )
  if (view.agreement.length) {
    const dimensionName = new Map(reliability.variables.map((v) => [v.id, v.name]))
    out.push(w.withGold, '')
    out.push(
      table(
        [w.coder, w.dimension, w.units, w.percent, w.kappa],
        view.agreement.map((a) => [
          e(nameOf(a.coder)),
          e(dimensionName.get(a.dimension) ?? a.dimension),
          a.units,
          num(a.percent),
          num(a.kappa),
        ]),
      ),
      '',
    )
  }
  return out.join('\n')
}
