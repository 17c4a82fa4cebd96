/** What core says to the analyst, in German. Every code of ./messages.en.ts has its text here. */
import type { MessageText } from './messages'
import type { EnglishCatalogue } from './messages.en'

export const de: Record<keyof EnglishCatalogue, MessageText> = {
  'api.refused': '{method} wurde abgelehnt: {detail}',
  'api.failed': '{method} ist fehlgeschlagen: {detail}',
  'api.untrustedSender': 'Abgelehnt: Der Aufruf kam nicht aus dem Fenster der App.',
  'api.restarting': 'Die App startet neu.',
  'job.notFound': 'Es gibt keinen Auftrag „{id}“.',

  'unit.kind.sentence': 'Satz',
  'unit.kind.heading': 'Überschrift',
  'unit.kind.byline': 'Autorenzeile',
  'unit.kind.caption': 'Bildunterschrift',
  'unit.kind.meta': 'Metazeile',

  'document.notFound': 'Das Dokument „{documentId}“ gibt es in diesem Projekt nicht.',
  'annotation.noAnnotator': 'Geben Sie Ihren Namen als Codierer:in ein, bevor Sie codieren.',
  'annotation.unitNotFound': 'Den Satz {unitId} gibt es in „{documentId}“ nicht.',
  'annotation.notIncluded':
    'Diese Einheit ({kind}) wird nicht codiert; nehmen Sie sie zuerst auf, um sie zu codieren.',
  'annotation.statementIdTwice': 'Zwei Aussagen haben dieselbe Kennung „{id}“.',
  'annotation.noDimension': 'Das Codebuch hat keine Dimension „{dimensionId}“.',
  'annotation.singleChoice': '„{dimension}“ erlaubt nur ein Label je Aussage.',
  'annotation.labelTwice': 'Ein Label ist in „{dimension}“ doppelt angegeben.',
  'annotation.noLabel': '„{dimension}“ hat kein Label „{label}“.',

  'unitEdit.splitOutside': 'Wählen Sie eine Stelle innerhalb des Satzes, um ihn zu teilen.',
  'unitEdit.mergeLast':
    'Dies ist die letzte Einheit des Dokuments; es gibt nichts, womit sie verbunden werden kann.',
  'unitEdit.sentenceAlwaysIncluded': 'Sätze werden immer codiert.',

  'codebook.dimensionIdTwice': 'Zwei Dimensionen haben dieselbe Kennung „{id}“.',
  'codebook.labelIdTwice':
    'Die Label-Kennung „{id}“ ist doppelt vergeben (in {first} und {second}).',
  'codebook.keyReserved': 'Die Taste „{key}“ von „{label}“ ist für einen Befehl reserviert.',
  'codebook.keyTaken':
    'Die Taste „{key}“ ist schon „{owner}“ ({ownerDimension}) zugeordnet; wählen Sie für „{label}“ eine andere Taste.',
  'codebook.rulesBroken': '{problems}',
  'codebook.fileUnreadable': 'Die Codebuch-Datei kann nicht gelesen werden: {detail}',
  'codebook.fileNotJson': 'Das ist kein Codebuch: Die Datei ist kein gültiges JSON ({detail}).',
  'codebook.fileInvalid': 'Das ist kein gültiges Codebuch: {detail}.',
  'codebook.fileBreaksRule': 'Das Codebuch verstößt gegen eine Regel: {problems}',
}
