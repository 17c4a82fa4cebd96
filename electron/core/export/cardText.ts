/**
 * The words of the dataset card in each language it is written in (see ./card.ts). The card is
 * a file for whoever uses the dataset, so its language is chosen at export (the analyst's UI
 * language by default), not taken from the app's message catalogue: it is prose and tables,
 * not messages. Field names, ids and code stay as they are in both languages.
 */
import type { CardLanguage } from '../../contract/exportOptions'

export interface CardText {
  defaultTitle: string
  intro: string
  corpus: string
  count: string
  documents: string
  unitsExported: string
  kinds: Record<string, string>
  sentences: string
  annotatedSentences: string
  statements: string
  distribution: string
  label: string
  id: string
  statementsColumn: string
  sentencesColumn: string
  share: string
  definitions: string
  codebookVersion: (v: number) => string
  multi: string
  single: string
  example: string
  annotators: string
  annotator: string
  unnamed: string
  versionsUsed: string
  versionExported: (v: number) => string
  modelAccepted: (n: number, of: number) => string
  version: string
  options: string
  option: string
  value: string
  all: string
  contains: (field: string, value: string) => string
  onlyAnnotated: string
  yes: string
  no: string
  nonSentences: string
  included: string
  leftOut: string
  everyone: string
  split: string
  splitValue: (train: number, dev: number, test: number, seed: number) => string
  none: string
  delimiter: string
  delimiters: Record<string, string>
  network: string
  networkValue: (actor: string, argument: string, stance: string) => string
  files: string
  loading: string
  firstStatement: (example: string) => string
  fields: string
  fieldLines: (dimensions: string) => string[]
  splitField: string
  decimal: string
}

const en: CardText = {
  defaultTitle: 'Annotated corpus',
  intro:
    'Sentences of news articles coded with stance, actors and arguments, exported from the ' +
    'annotation workbench. Each line of the JSONL file is one unit of a document (a sentence, ' +
    'or a heading, byline, caption or meta line) with its annotation.',
  corpus: 'Corpus',
  count: 'Count',
  documents: 'Documents',
  unitsExported: 'Units exported',
  kinds: {
    sentence: 'sentence',
    heading: 'heading',
    byline: 'byline',
    caption: 'caption',
    meta: 'meta',
  },
  sentences: 'Sentences (annotatable units)',
  annotatedSentences: 'Annotated sentences',
  statements: 'Statements',
  distribution: 'Label distribution',
  label: 'Label',
  id: 'Id',
  statementsColumn: 'Statements',
  sentencesColumn: 'Sentences',
  share: 'Share of annotated sentences',
  definitions: 'Label definitions',
  codebookVersion: (v) => `Codebook version ${v}.`,
  multi: 'several labels per statement',
  single: 'one label per statement',
  example: 'Example',
  annotators: 'Annotators',
  annotator: 'Annotator',
  unnamed: '(unnamed)',
  versionsUsed: 'Codebook versions used',
  versionExported: (v) => `The codebook exported with this dataset is version ${v}.`,
  modelAccepted: (n, of) =>
    `${n} of the ${of} labels were suggestions of the learned model that an annotator accepted (provenance \`suggested-model\`, with the model's version and confidence); the rest were chosen by hand or from the codebook's aliases.`,
  version: 'Version',
  options: 'Export options',
  option: 'Option',
  value: 'Value',
  all: 'all',
  contains: (field, value) => `${field} contains "${value}"`,
  onlyAnnotated: 'Only annotated sentences',
  yes: 'yes',
  no: 'no',
  nonSentences: 'Headings, bylines, captions, meta lines',
  included: 'included',
  leftOut: 'left out',
  everyone: 'all',
  split: 'Split',
  splitValue: (t, d, x, s) => `train ${t} / dev ${d} / test ${x}, seed ${s}, by document`,
  none: 'none',
  delimiter: 'CSV delimiter',
  delimiters: { ',': 'comma', ';': 'semicolon', '\t': 'tab' },
  network: 'Network dimensions',
  networkValue: (a, r, s) => `actor ${a}, argument ${r}, stance ${s}`,
  files: 'Files',
  loading: 'Loading',
  firstStatement: (x) => `# the labels of the first statement of each sentence, e.g. "${x}":`,
  fields: 'Fields of the JSONL file',
  fieldLines: (dims) => [
    '- `document_id`, `document_meta` (title, source, author, date, url, genre, extra as a list of key/value pairs), `document_origin`, `document_imported_at`, `document_units` (the number of units of the document)',
    "- `sentence_id` (stable unit id), `index` (position among the document's units), `kind`, `included` (a non-sentence unit chosen for coding; null when never set)",
    '- `start`, `end`: character offsets (UTF-16 code units, as in JavaScript) into the document text',
    '- `text_before`, `text`, `text_after`: concatenated over a document they give its exact text',
    `- \`annotated\`, \`statements\` (per statement: \`statement_id\`, \`label_ids\`, \`label_names\` and \`provenance\` per dimension: ${dims})`,
    '- `annotator`, `created_at`, `updated_at`, `codebook_version`, `note`, `uncertain`, `needs_review`, `done` (marked coded by hand), `dismissed` (ids of suggestions turned down): null when the unit has no annotation',
  ],
  splitField: '- `split`: train, dev or test (whole documents)',
  decimal: '.',
}

const de: CardText = {
  defaultTitle: 'Codiertes Korpus',
  intro:
    'Sätze aus Presseartikeln, codiert nach Haltung, Akteuren und Argumenten, exportiert aus ' +
    'der Codier-Werkbank. Jede Zeile der JSONL-Datei ist eine Einheit eines Dokuments (ein Satz ' +
    'oder eine Überschrift, Autorenzeile, Bildunterschrift oder Metazeile) mit ihrer Codierung.',
  corpus: 'Korpus',
  count: 'Anzahl',
  documents: 'Dokumente',
  unitsExported: 'Exportierte Einheiten',
  kinds: {
    sentence: 'Satz',
    heading: 'Überschrift',
    byline: 'Autorenzeile',
    caption: 'Bildunterschrift',
    meta: 'Metazeile',
  },
  sentences: 'Sätze (codierbare Einheiten)',
  annotatedSentences: 'Codierte Sätze',
  statements: 'Aussagen',
  distribution: 'Verteilung der Labels',
  label: 'Label',
  id: 'Kennung',
  statementsColumn: 'Aussagen',
  sentencesColumn: 'Sätze',
  share: 'Anteil an den codierten Sätzen',
  definitions: 'Definitionen der Labels',
  codebookVersion: (v) => `Codebuch-Version ${v}.`,
  multi: 'mehrere Labels je Aussage',
  single: 'ein Label je Aussage',
  example: 'Beispiel',
  annotators: 'Codierende',
  annotator: 'Codiert von',
  unnamed: '(ohne Namen)',
  versionsUsed: 'Verwendete Codebuch-Versionen',
  versionExported: (v) => `Das mit diesem Datensatz exportierte Codebuch hat die Version ${v}.`,
  modelAccepted: (n, of) =>
    `${n} der ${of} Labels waren Vorschläge des gelernten Modells, die Codierende übernommen haben (Herkunft \`suggested-model\`, mit Version und Konfidenz des Modells); die übrigen wurden von Hand oder über die Aliasse des Codebuchs vergeben.`,
  version: 'Version',
  options: 'Export-Optionen',
  option: 'Option',
  value: 'Wert',
  all: 'alle',
  contains: (field, value) => `${field} enthält „${value}“`,
  onlyAnnotated: 'Nur codierte Sätze',
  yes: 'ja',
  no: 'nein',
  nonSentences: 'Überschriften, Autorenzeilen, Bildunterschriften, Metazeilen',
  included: 'enthalten',
  leftOut: 'weggelassen',
  everyone: 'alle',
  split: 'Aufteilung',
  splitValue: (t, d, x, s) => `train ${t} / dev ${d} / test ${x}, Seed ${s}, nach Dokumenten`,
  none: 'keine',
  delimiter: 'CSV-Trennzeichen',
  delimiters: { ',': 'Komma', ';': 'Semikolon', '\t': 'Tabulator' },
  network: 'Netzwerk-Dimensionen',
  networkValue: (a, r, s) => `Akteur ${a}, Argument ${r}, Haltung ${s}`,
  files: 'Dateien',
  loading: 'Laden',
  firstStatement: (x) => `# die Labels der ersten Aussage jedes Satzes, z. B. "${x}":`,
  fields: 'Felder der JSONL-Datei',
  fieldLines: (dims) => [
    '- `document_id`, `document_meta` (title, source, author, date, url, genre, extra als Liste von Schlüssel-Wert-Paaren), `document_origin`, `document_imported_at`, `document_units` (die Zahl der Einheiten des Dokuments)',
    '- `sentence_id` (feste Kennung der Einheit), `index` (Position unter den Einheiten des Dokuments), `kind`, `included` (eine zum Codieren gewählte Einheit, die kein Satz ist; null, wenn nie gesetzt)',
    '- `start`, `end`: Zeichen-Offsets (UTF-16-Codeeinheiten, wie in JavaScript) in den Text des Dokuments',
    '- `text_before`, `text`, `text_after`: über ein Dokument aneinandergereiht ergeben sie genau seinen Text',
    `- \`annotated\`, \`statements\` (je Aussage: \`statement_id\`, \`label_ids\`, \`label_names\` und \`provenance\` je Dimension: ${dims})`,
    '- `annotator`, `created_at`, `updated_at`, `codebook_version`, `note`, `uncertain`, `needs_review`, `done` (von Hand als codiert markiert), `dismissed` (Kennungen abgelehnter Vorschläge): null, wenn die Einheit nicht codiert ist',
  ],
  splitField: '- `split`: train, dev oder test (ganze Dokumente)',
  decimal: ',',
}

export const CARD_TEXT: Record<CardLanguage, CardText> = { en, de }
