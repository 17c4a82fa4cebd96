import type en from './codebook.en'

/** Die Texte des Codebuch-Editors; unter `codebook` in die Meldungen übernommen. */
const de: typeof en = {
  open: 'Codebuch',
  title: 'Codebuch',
  version: 'Version {version}',
  unsaved: 'Ungespeicherte Änderungen',
  savedAs: 'Als Version {version} gespeichert.',
  save: 'Speichern',
  keys: 'Strg+S speichert, Esc schließt.',
  close: 'Schließen',
  importFile: 'Aus Datei importieren …',
  exportFile: 'In Datei exportieren …',
  imported:
    'Das Codebuch wurde aus der Datei gelesen. Prüfen Sie es und speichern Sie es dann, um es in diesem Projekt zu verwenden.',
  exported: 'Codebuch gespeichert unter {path}',
  exportedWithoutDraft:
    'Ungespeicherte Änderungen stehen nicht in der Datei; speichern Sie zuerst, um sie aufzunehmen.',
  problemCount:
    'Beheben Sie vor dem Speichern ein Problem. | Beheben Sie vor dem Speichern {n} Probleme.',
  noName: 'Bitte geben Sie einen Namen ein.',
  dimensions: 'Dimensionen',
  newDimension: 'Neue Dimension',
  addDimension: 'Dimension hinzufügen',
  dimension: {
    group: 'Dimension {name}',
    name: 'Name der Dimension',
    multi: 'Mehrere Labels pro Aussage (Mehrfachauswahl)',
    required: 'Pflicht: ein Satz ist codiert, sobald er hier ein Label hat',
    singleHint:
      'Aussagen, die hier schon mehrere Labels tragen, behalten sie, bis sie neu codiert werden.',
    moveUp: 'Dimension nach oben',
    moveDown: 'Dimension nach unten',
    remove: 'Dimension löschen',
    labels: 'Labels von {name}',
    noLabels: 'Noch keine Labels.',
    newLabel: 'Neues Label in {name}',
    addLabel: 'Label hinzufügen',
    scale: 'Skala',
    scales: {
      nominal: 'nominal (ungeordnet)',
      ordinal: 'ordinal (Rang in der Reihenfolge der Labels)',
      interval: 'Intervall (jedes Label eine Zahl)',
      ratio: 'Verhältnis (jedes Label eine Zahl ab null)',
    },
  },
  label: {
    group: 'Label {name}',
    name: 'Name',
    colour: 'Farbe',
    hotkey: 'Taste',
    noHotkey: 'keine',
    value: 'Wert auf der Skala',
    hotkeyHint: 'Drücken Sie eine Taste; die Rücktaste entfernt sie.',
    details: 'Details',
    definition: 'Definition',
    examples: 'Beispiele (eines pro Zeile)',
    aliases: 'Andere Namen (einer pro Zeile, für Akteursvorschläge)',
    moveUp: 'Label nach oben',
    moveDown: 'Label nach unten',
    remove: 'Label löschen',
    id: 'Kennung: {id}',
  },
  impact: {
    title: 'Labels aus den Codierungen löschen?',
    sentences: '{n} Satz | {n} Sätze',
    statements: '{n} Aussage | {n} Aussagen',
    label:
      '{sentences} ({statements}) verliert das Label „{label}“ ({dimension}). | {sentences} ({statements}) verlieren das Label „{label}“ ({dimension}).',
    dimension:
      '{statements} verliert alle Werte der Dimension „{dimension}“. | {statements} verlieren alle Werte der Dimension „{dimension}“.',
    final: 'Das lässt sich mit „Rückgängig“ nicht zurücknehmen.',
    confirm: 'Löschen und speichern',
    cancel: 'Abbrechen',
  },
  discard: {
    title: 'Ungespeicherte Änderungen verwerfen?',
    text: 'Ihre Änderungen am Codebuch sind noch nicht gespeichert.',
    confirm: 'Änderungen verwerfen',
    cancel: 'Weiter bearbeiten',
  },
}

export default de
