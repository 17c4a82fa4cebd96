/** Texte der Reliabilitätsansicht (unter `reliability`). */
export default {
  heading: 'Übereinstimmung der Codierenden',
  compute: 'Übereinstimmung berechnen',
  computing: 'Wird berechnet …',
  needsTwo: 'Dafür müssen mindestens zwei Codierende dieselben Sätze codiert haben.',
  summary:
    'Krippendorffs Alpha je Dimension, mit 95-%-Bootstrap-Intervall. Auf eine Variable verlassen ab α ≥ .800; vorläufige Schlüsse erst ab .667.',
  variable: 'Variable',
  alpha: 'α',
  interval: '95-%-Intervall',
  units: 'Sätze',
  agreement: 'Übereinstimmung',
  verdict: 'Urteil',
  coderPairs: 'Paare von Codierenden für {name}',
  pair: 'Codierende',
  label: '{name} (Label)',
  statements: 'Aussagen (Akteur, Konzept, Haltung)',
  uncertain: '{verdict} — für Gewissheit mehr Sätze codieren',
  verdicts: {
    reliable: 'reliabel',
    tentative: 'nur vorläufige Schlüsse',
    unreliable: 'nicht reliabel',
    undefined: 'nicht bestimmbar',
  },
}
