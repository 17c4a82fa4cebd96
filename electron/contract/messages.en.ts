/**
 * What core says to the analyst, in English: the CLI's language and the fallback. The keys are
 * the message codes (see ./messages.ts); `{name}` marks a parameter.
 */
export const en = {
  // Calls refused or failed at the boundary
  'api.refused': 'Refused {method}: {detail}',
  'api.failed': '{method} failed: {detail}',
  'api.untrustedSender': 'Refused: the call did not come from the app window.',
  'api.restarting': 'The app is restarting.',
  'job.notFound': 'There is no job "{id}".',

  // Unit kinds, used as parameters
  'unit.kind.sentence': 'sentence',
  'unit.kind.heading': 'heading',
  'unit.kind.byline': 'byline',
  'unit.kind.caption': 'caption',
  'unit.kind.meta': 'meta line',

  // Documents and annotations
  'document.notFound': 'There is no document "{documentId}" in this project.',
  'annotation.noAnnotator': 'Enter your name as annotator before coding.',
  'annotation.unitNotFound': 'The sentence {unitId} does not exist in "{documentId}".',
  'annotation.notIncluded': 'This {kind} is not annotated; include it first to code it.',
  'annotation.statementIdTwice': 'Two statements share the id "{id}".',
  'annotation.noDimension': 'The codebook has no dimension "{dimensionId}".',
  'annotation.singleChoice': '"{dimension}" takes one label per statement.',
  'annotation.labelTwice': 'A label is given twice in "{dimension}".',
  'annotation.noLabel': '"{dimension}" has no label "{label}".',

  // Unit edits
  'unitEdit.splitOutside': 'Choose a point inside the sentence to split it.',
  'unitEdit.mergeLast': 'This is the last unit of the document; there is nothing to merge it with.',
  'unitEdit.sentenceAlwaysIncluded': 'Sentences are always annotated.',

  // The codebook: its rules and its files
  'codebook.dimensionIdTwice': 'Two dimensions share the id "{id}".',
  'codebook.labelIdTwice': 'The label id "{id}" is used twice (in {first} and {second}).',
  'codebook.keyReserved': 'The key "{key}" of "{label}" is reserved for a command.',
  'codebook.keyTaken':
    'The key "{key}" is already taken by "{owner}" ({ownerDimension}); choose another key for "{label}".',
  'codebook.rulesBroken': '{problems}',
  'codebook.fileUnreadable': 'The codebook file cannot be read: {detail}',
  'codebook.fileNotJson': 'This is not a codebook: the file is not valid JSON ({detail}).',
  'codebook.fileInvalid': 'This is not a valid codebook: {detail}.',
  'codebook.fileBreaksRule': 'The codebook breaks a rule: {problems}',
}

export type EnglishCatalogue = typeof en
