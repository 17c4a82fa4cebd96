/** Strings of the reliability view (merged under `reliability`). */
export default {
  heading: 'Agreement between coders',
  compute: 'Compute agreement',
  computing: 'Computing…',
  needsTwo: 'Agreement needs at least two coders who coded the same sentences.',
  summary:
    'Krippendorff’s alpha per dimension, with its 95 % bootstrap interval. Rely on a variable from α ≥ .800; draw tentative conclusions only from .667 on.',
  variable: 'Variable',
  alpha: 'α',
  interval: '95 % interval',
  units: 'Sentences',
  agreement: 'Agreement',
  verdict: 'Verdict',
  coderPairs: 'Coder pairs for {name}',
  pair: 'Coders',
  label: '{name} (label)',
  statements: 'Statements (actor, concept, stance)',
  uncertain: '{verdict} — code more sentences to be sure',
  verdicts: {
    reliable: 'reliable',
    tentative: 'tentative conclusions only',
    unreliable: 'not reliable',
    undefined: 'undefined',
  },
}
