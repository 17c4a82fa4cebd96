/** What core says to the analyst, in German. Every code of ./messages.en.ts has its text here. */
import type { MessageText } from './messages'
import type { EnglishCatalogue } from './messages.en'

export const de: Record<keyof EnglishCatalogue, MessageText> = {
  'api.refused': '{method} wurde abgelehnt: {detail}',
  'api.failed': '{method} ist fehlgeschlagen: {detail}',
  'api.untrustedSender': 'Abgelehnt: Der Aufruf kam nicht aus dem Fenster der App.',
  'api.restarting': 'Die App startet neu.',
  'job.failed': 'Die Arbeit brach mit einem Fehler ab: {detail}',
  'job.notFound': 'Es gibt keinen Auftrag „{id}“.',

  'unit.kind.sentence': 'Satz',
  'unit.kind.heading': 'Überschrift',
  'unit.kind.byline': 'Autorenzeile',
  'unit.kind.caption': 'Bildunterschrift',
  'unit.kind.meta': 'Metazeile',

  // Gelernte Vorschläge: Datensätze für `model evaluate`
  'suggest.data.notObject': '{file}, Zeile {line}: kein JSON-Objekt.',
  'suggest.data.noText': '{file}, Zeile {line}: es fehlt ein Text unter "text".',
  'suggest.data.badLabel':
    '{file}, Zeile {line}: "label" ist weder ein Text noch eine Liste von Texten (für eine Zeile eines Exports die Dimension mit --dimension angeben).',
  'suggest.data.notExport':
    '{file}, Zeile {line}: keine Zeile eines JSONL-Exports (es fehlt "statements"), wie --dimension sie erwartet.',
  'suggest.data.noDimension':
    '{file}, Zeile {line}: die Aussagen haben keine Dimension „{dimension}“.',
  'suggest.data.badDimension':
    '{file}, Zeile {line}: die Labels von „{dimension}“ sind keine Liste von Labelnamen.',
  'suggest.data.empty': '{file} enthält keine codierten Sätze.',
  'suggest.noDimension': 'Das Codebuch hat keine Dimension „{dimension}“ (es hat: {known}).',
  'suggest.tooFewLabels': {
    one: 'Vorschläge für „{dimension}“ beginnen ab {min} codierten Sätzen mit mindestens zwei Labels; bisher ist {count} codiert.',
    other:
      'Vorschläge für „{dimension}“ beginnen ab {min} codierten Sätzen mit mindestens zwei Labels; bisher sind {count} codiert.',
  },

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

  'unitEdit.split': 'Geteilt.',
  'unitEdit.splitKept': 'Geteilt. Beide Hälften haben die Labels behalten; prüfen Sie sie.',
  'unitEdit.merged': 'Verbunden.',
  'unitEdit.mergedConflict': 'Verbunden, mit einem Konflikt zu klären ({detail}).',
  'unitEdit.included': 'Aufgenommen.',
  'unitEdit.excluded': 'Ausgeschlossen.',
  'unitEdit.resegmented': 'Neu segmentiert: Jeder codierte Satz ist unverändert.',
  'review.split': 'geteilt: Beide Hälften haben die Labels des ganzen Satzes behalten',
  'review.merged': 'verbunden: Prüfen Sie die Labels des verbundenen Satzes',
  'review.resegmented': 'neu segmentiert: Die Satzgrenzen haben sich geändert',
  'review.mergeConflict': 'Konflikt beim Verbinden: {conflicts}',
  'unitEdit.resegmentedChanged': {
    one: 'Neu segmentiert: {count} Satz mit Labels hat sich geändert und ist zur Prüfung markiert.',
    other:
      'Neu segmentiert: {count} Sätze mit Labels haben sich geändert und sind zur Prüfung markiert.',
  },

  'storage.locked':
    'Das Projekt ist schon in {tool} geöffnet (Prozess {pid} auf {host}, seit {since}). Schließen Sie es dort zuerst: Zwei Programme, die dasselbe Projekt schreiben, würden Labels verlieren.',
  'storage.tool.app': 'der App',
  'storage.tool.cli': 'dem Kommandozeilenwerkzeug',
  'storage.damaged': '{file} ist beschädigt und hat keine brauchbare Sicherung: {reason}',
  'storage.noVersion': '{what} hat keine Schemaversion',
  'storage.newerVersion':
    '{what} wurde von einer neueren Version der App geschrieben (Schema {version}, diese App liest bis {readable})',
  'storage.badShape': '{what} hat nicht die erwartete Form: {detail}',
  'storage.file.document': 'die Dokumentdatei',
  'storage.file.annotations': 'die Codierungsdatei',
  'storage.missing': 'die Datei fehlte',
  'storage.truncated': 'die Datei ist leer (abgeschnitten)',
  'storage.notJson': 'die Datei ist kein gültiges JSON (abgeschnitten oder überschrieben)',
  'storage.unreadable': '{detail}',
  'storage.recovered': '{file} war beschädigt ({reason}); wiederhergestellt aus {from}.',
  'storage.from.backup': 'der Sicherung des letzten guten Stands',
  'storage.from.lastWrite': 'dem letzten vollständigen Schreiben',

  'project.sampleName': 'Beispielkorpus',
  'app.openFailed': 'Das Projekt konnte nicht geöffnet werden',
  'menu.file': 'Datei',
  'menu.quit': 'Beenden',
  'menu.closeWindow': 'Fenster schließen',
  'menu.edit': 'Bearbeiten',
  'menu.cut': 'Ausschneiden',
  'menu.copy': 'Kopieren',
  'menu.paste': 'Einfügen',
  'menu.selectAll': 'Alles auswählen',
  'menu.view': 'Ansicht',
  'menu.resetZoom': 'Originalgröße',
  'menu.zoomIn': 'Vergrößern',
  'menu.zoomOut': 'Verkleinern',
  'menu.fullScreen': 'Vollbild',
  'menu.devTools': 'Entwicklerwerkzeuge',
  'menu.window': 'Fenster',
  'menu.minimize': 'Minimieren',
  'dialog.importFiles': 'Dokumente importieren',
  'dialog.importFolder': 'Einen Ordner importieren',
  'dialog.importCodebook': 'Ein Codebuch importieren',
  'dialog.export': 'Exportieren',
  'dialog.exportFolder': 'In einen Ordner exportieren',
  'dialog.filter.articles': 'Artikel',
  'dialog.filter.allFiles': 'Alle Dateien',
  'dialog.filter.codebook': 'Codebuch',
  'dialog.filter.jsonl': 'JSON Lines',
  'dialog.filter.csv': 'CSV',
  'dialog.filter.card': 'Datensatzbeschreibung',
  'dialog.filter.graphml': 'GraphML',
  'dialog.filter.qdpx': 'REFI-QDA-Projekt',

  'codebook.dimensionIdTwice': 'Zwei Dimensionen haben dieselbe Kennung „{id}“.',
  'codebook.labelIdTwice':
    'Die Label-Kennung „{id}“ ist doppelt vergeben (in {first} und {second}).',
  'codebook.keyReserved': 'Die Taste „{key}“ von „{label}“ ist für einen Befehl reserviert.',
  'codebook.keyTaken':
    'Die Taste „{key}“ ist schon „{owner}“ ({ownerDimension}) zugeordnet; wählen Sie für „{label}“ eine andere Taste.',
  'codebook.scaleOnMulti':
    '„{dimension}“ ist eine Mehrfachauswahl und damit immer nominal; nur eine Einfachauswahl kann die {scale} haben.',
  'codebook.scaleNeedsValue':
    'Auf der {scale} von „{dimension}“ braucht jedes Label eine Zahl: Geben Sie „{label}“ eine.',
  'codebook.ratioNegative':
    'Eine Verhältnisskala beginnt bei null: „{label}“ in „{dimension}“ hat {value}; wählen Sie die Intervallskala oder einen Wert ab 0.',
  'codebook.scaleNeedsTwo':
    'Die {scale} von „{dimension}“ braucht mindestens zwei Labels; sie hat {count}.',
  'codebook.rulesBroken': '{problems}',
  'codebook.fileUnreadable': 'Die Codebuch-Datei kann nicht gelesen werden: {detail}',
  'codebook.fileNotJson': 'Das ist kein Codebuch: Die Datei ist kein gültiges JSON ({detail}).',
  'codebook.fileInvalid': 'Das ist kein gültiges Codebuch: {detail}.',
  'codebook.fileBreaksRule': 'Das Codebuch verstößt gegen eine Regel: {problems}',

  'import.empty': 'die Datei ist leer',
  'import.binary': 'sieht nach einer Binärdatei aus, nicht nach Text',
  'import.notUtf8': 'die Datei ist nicht in UTF-8; sie wurde als {encoding} gelesen',
  'import.docxDamaged': 'keine lesbare .docx-Datei (die Datei ist beschädigt oder unvollständig)',
  'import.docxOld':
    'keine lesbare .docx-Datei: ein altes Word-97–2003-Dokument oder eine kennwortgeschützte Datei; öffnen Sie sie in Word und speichern Sie sie als ungeschützte .docx-Datei',
  'import.docxNoText': 'das Dokument enthält keinen Text',
  'import.htmlNoText': 'die HTML-Seite enthält keinen lesbaren Text',
  'import.noText': 'die Datei enthält keinen Text',
  'import.noTextLeft': 'nach dem Auslesen bleibt kein Text übrig',
  'import.notRegular': 'weder eine gewöhnliche Datei noch ein Ordner',
  'import.unsupported': 'nicht unterstützter Dateityp {ext} (unterstützt: {supported})',
  'import.noExtension': 'eine Datei ohne Endung (unterstützt: {supported})',
  'import.tooLarge': 'die Datei ist {size} groß, mehr als die Importgrenze von {limit}',
  'import.unreadable': 'die Datei konnte nicht gelesen werden: {detail}',
  'import.osReason': '{reason} ({code})',
  'import.os.ENOENT': 'die Datei oder der Ordner existiert nicht',
  'import.os.EACCES': 'keine Berechtigung',
  'import.os.EISDIR': 'das ist ein Ordner',
  'import.os.ENOTDIR': 'ein Teil des Pfads ist kein Ordner',
  'import.os.ELOOP': 'zu viele symbolische Verknüpfungen',
  'import.os.EBUSY': 'die Datei wird von einem anderen Programm benutzt',
  'import.os.EMFILE': 'zu viele Dateien sind geöffnet',
  'import.os.ENAMETOOLONG': 'der Pfad ist zu lang',
  'import.failed': 'das Dokument konnte nicht importiert werden: {detail}',
  'import.duplicate': 'schon im Projekt als „{existing}“',
  'import.idTaken': 'ein Dokument „{id}“ ist schon im Projekt',
  'import.noun.column': 'Spalte',
  'import.noun.field': 'Feld',
  'import.unit.row': 'Zeile',
  'import.unit.line': 'Zeile',
  'import.unit.item': 'Eintrag',
  'import.noTextColumn': '{noun} mit Text nicht gefunden',
  'import.guessedText':
    '{noun} mit einem Namen für Text nicht gefunden ({names}, …); als Text wird „{column}“ genommen, das die längsten Einträge hat',
  'import.csvNoRows': 'die CSV-Datei hat unter ihrer Kopfzeile keine Zeilen',
  'import.csvProblem': '{detail}',
  'import.csvRowProblem': 'Zeile {row}: {detail}',
  'import.lineNotJson': 'Zeile {line}: kein gültiges JSON ({detail}); übersprungen',
  'import.lineNotObject': 'Zeile {line}: kein JSON-Objekt; übersprungen',
  'import.itemNotObject': 'Eintrag {item}: kein JSON-Objekt; übersprungen',
  'import.noValidLine': 'keine Zeile enthält ein gültiges JSON-Objekt ({problem})',
  // JSON.parse's message ({engine}) is English on every system: German says where it stopped.
  'json.syntax': 'Syntaxfehler',
  'json.syntaxAt': 'Syntaxfehler an Stelle {position}',
  'json.syntaxLine': 'Syntaxfehler in Zeile {line}',
  'import.notJson': 'kein gültiges JSON: {detail}',
  'import.jsonShape':
    'die JSON-Datei enthält weder eine Liste von Dokumenten noch ein Objekt mit einer Liste „documents“',
  'import.jsonNoDocuments': 'die JSON-Datei enthält keine Dokumente',
  'import.textEmpty': '{unit} {n}: {noun} „{column}“ ist leer; übersprungen',
  'import.idTwice': '{unit} {n}: die Kennung „{id}“ kam schon in {unit} {earlier} vor',
  'import.noTextAnywhere':
    'nirgends steht Text (Text-{noun}: „{column}“; erwartete Namen: {names})',
  'import.annotatedExport':
    'Das ist ein codierter Export (ein Satz je Zeile mit document_id und sentence_id), keine Sammlung von Artikeln; er kann nicht als neue Dokumente importiert werden',
  'import.notUtf8Export': 'kann nicht als UTF-8-Text gelesen werden: {detail}',
  'import.exportLineNotJson': 'die Zeile ist kein gültiges JSON',
  'import.notExportLine': 'Zeile {line} ist keine Zeile eines codierten Exports: {detail}',
  'import.exportIncomplete':
    'der Export enthält {held} der {count} Einheiten des Dokuments (wurde er nur mit codierten Sätzen, ohne Überschriften oder aufgeteilt exportiert?); das Dokument lässt sich daraus nicht wiederherstellen',
  'import.exportUnitMissing':
    'Einheit {unit} fehlt (Zeile {line} hat den Index {index}); das Dokument lässt sich nicht wiederherstellen',
  'import.exportOffsets':
    'Zeile {line}: die Positionen {start}–{end} passen nicht zum Text (erwartet {expectedStart}–{expectedEnd}); wurde die Datei bearbeitet?',
  'import.exportStatementsUndated': 'Zeile {line}: Aussagen ohne created_at',
  'import.exportAnnotationIncomplete':
    'Zeile {line}: eine Codierung braucht annotator, updated_at, codebook_version, note und uncertain',
  'import.exportProvenance':
    'Zeile {line}: die Herkunftsangaben von „{dimension}“ passen nicht zu ihren Labels',
  'import.invalidDocument': '{detail}',
  'import.invalidAnnotation': 'Codierung von {unitId}: {detail}',
  'import.unknownLabels': {
    one: '{count} Label steht nicht im Codebuch dieses Projekts: {labels}',
    other: '{count} Labels stehen nicht im Codebuch dieses Projekts: {labels}',
  },

  'export.invalidOption': 'Ungültige Export-Option {option}: {detail}',
  'export.cannotWrite': 'Der Export kann nicht nach {path} geschrieben werden: {reason}',
  'export.reason.insideProject':
    'das liegt im Projektordner, wo es das Projekt überschreiben könnte; wählen Sie einen Ort außerhalb',
  'export.reason.isFolder': 'das ist ein Ordner; geben Sie den Namen einer Datei an',
  'export.reason.isFile': 'das ist eine Datei; dieses Format schreibt einen Ordner',
  'export.reason.noParent': 'den Ordner {folder} gibt es nicht',
  'export.reason.parentIsFile': '{folder} ist eine Datei, kein Ordner',
  'export.reason.system': '{detail}',
  'export.reason.EACCES': 'keine Berechtigung (EACCES)',
  'export.reason.EPERM': 'keine Berechtigung (EPERM)',
  'export.reason.EROFS': 'der Datenträger ist schreibgeschützt (EROFS)',
  'export.reason.ENOSPC': 'der Datenträger ist voll (ENOSPC)',
  'export.reason.EDQUOT': 'das Speicherkontingent ist erschöpft (EDQUOT)',
  'export.reason.ENOENT': 'den Ordner gibt es nicht (ENOENT)',
  'export.reason.ENOTDIR': 'ein Teil des Pfads ist eine Datei, kein Ordner (ENOTDIR)',
  'export.reason.EISDIR': 'das ist ein Ordner, keine Datei (EISDIR)',
  'export.reason.ENAMETOOLONG': 'der Pfad ist zu lang (ENAMETOOLONG)',
  'export.reason.EMFILE': 'zu viele Dateien sind geöffnet (EMFILE)',
  'export.reason.EBUSY': 'die Datei wird gerade benutzt (EBUSY)',
  'export.reason.EEXIST': 'das gibt es schon (EEXIST)',
  'export.reason.ENOTEMPTY': 'der Ordner ist nicht leer (ENOTEMPTY)',
  'export.cancelled': 'Der Export wurde abgebrochen; es wurde keine Datei geschrieben.',
  'export.projectChanged':
    'Das Projekt hat sich während des Exports geändert; exportieren Sie es noch einmal.',
  'export.noSuchDocuments': {
    one: 'Das Dokument {ids} gibt es in diesem Projekt nicht.',
    other: 'Die Dokumente {ids} gibt es in diesem Projekt nicht.',
  },
  'export.role.actor': 'Akteurs',
  'export.role.argument': 'Argument',
  'export.role.stance': 'Haltungs',
  'export.networkUnknownDimension':
    'Die {role}-Dimension „{id}“ des Netzwerks steht nicht im Codebuch (es hat {known}); wählen Sie eine andere.',
  'export.networkNoDimension':
    'Es kann kein Netzwerk gezeichnet werden: Das Codebuch hat keine {role}-Dimension. Wählen Sie eine für das Netzwerk.',
  'export.warning.noNetwork':
    'Es wurde kein Netzwerk geschrieben: Das Codebuch hat keine {role}-Dimension (wählen Sie eine für das Netzwerk).',
  'export.warning.emptyNetwork':
    'Es wurde kein Netzwerk geschrieben: Keine exportierte Aussage hat zugleich einen Akteur und ein Argument.',
  'export.warning.nothingExported':
    'Nichts wurde exportiert: Kein Satz passt zu den Optionen, daher wurde keine Datendatei geschrieben.',
  'export.warning.emptyFile': '{file} wurde nicht geschrieben: Die Datei enthielte keine {what}.',
  'export.warning.emptySplit': {
    one: 'Der Teil {split} ist leer (nur {count} Dokument wurde exportiert); seine Dateien wurden nicht geschrieben: {files}.',
    other:
      'Der Teil {split} ist leer (nur {count} Dokumente wurden exportiert); seine Dateien wurden nicht geschrieben: {files}.',
  },
  'export.warning.noUnits': 'Das Dokument „{id}“ hat keine Einheiten und fehlt im Export.',
  'export.warning.orphans': {
    one: '{count} Codierung gehört zu einer Einheit, die es nicht mehr gibt, und fehlt im Export.',
    other:
      '{count} Codierungen gehören zu Einheiten, die es nicht mehr gibt, und fehlen im Export.',
  },
  'export.what.sentences': 'Sätze',
  'export.what.statements': 'codierten Aussagen',
  'export.overwrite.title': 'Dateien ersetzen?',
  'export.overwrite.message': 'Der Ordner {folder} ist nicht leer.',
  'export.overwrite.detail': {
    one: 'Ein Export dorthin ersetzt {count} Datei: {names}.',
    other: 'Ein Export dorthin ersetzt {count} Dateien: {names}.',
  },
  'export.overwrite.replace': 'Ersetzen',
  'export.overwrite.cancel': 'Abbrechen',

  // Reliabilität: Übereinstimmung zwischen Codierenden
  'reliability.undefined.nothingPairable':
    'nicht bestimmbar: Keine Einheit wurde von zwei oder mehr Codierenden codiert, es gibt nichts zu vergleichen',
  'reliability.undefined.noVariation':
    'nicht bestimmbar: Die Codierenden haben durchweg einen einzigen Wert vergeben, Übereinstimmung ist so nicht von Zufall zu unterscheiden',
  'reliability.undefined.tooFewCoders': 'nicht bestimmbar: Es braucht mindestens zwei Codierende',
  'reliability.notApplicable.twoCoders':
    'Cohens Kappa vergleicht genau zwei Codierende; hier sind es {coders}.',
  'reliability.notApplicable.incomplete': {
    one: '{measure} verlangt, dass alle Codierenden jede Einheit codieren; {count} Zelle ist leer.',
    other:
      '{measure} verlangt, dass alle Codierenden jede Einheit codieren; {count} Zellen sind leer.',
  },
  'reliability.metricNeedsNumbers':
    'Die Metrik {metric} braucht Zahlen, und nicht alle Werte sind Zahlen.',
  'reliability.metricNeedsNonNegative': 'Die Metrik {metric} braucht Werte von null an aufwärts.',
  'reliability.metricNeedsSets': 'Die Distanz {metric} vergleicht Mengen von Labels.',
  'reliability.metricNeedsOrder':
    'Die Metrik {metric} braucht geordnete Werte: Zahlen oder die Labels einer geordneten Dimension.',
  'reliability.verdict.reliable': 'reliabel (α ≥ .800)',
  'reliability.verdict.tentative': 'nur vorläufige Schlüsse (.667 ≤ α < .800)',
  'reliability.verdict.unreliable': 'nicht reliabel (α < .667)',
  'reliability.verdict.undefined': 'nicht bestimmbar',
  'reliability.table.unreadable': '{file} kann nicht gelesen werden: {detail}',
  'reliability.table.empty':
    '{file} enthält keine Einheiten: Es braucht eine Kopfzeile und eine Zeile je Einheit.',
  'reliability.table.noUnitColumn':
    'Die erste Spalte von {file} muss „unit“ heißen, danach eine Spalte je Codierende(n) (sie heißt „{found}“).',
  'reliability.table.noCoders': '{file} hat nach „unit“ keine Spalten für Codierende.',
  'reliability.table.coderTwice': 'Zwei Spalten von {file} heißen „{coder}“.',
  'reliability.table.unitTwice':
    'Die Einheit „{unit}“ steht zweimal in {file} (Zeilen {first} und {second}).',
  'reliability.table.rowLength':
    'Zeile {row} von {file} hat {found} Zellen, die Kopfzeile aber {expected}.',
  'reliability.table.noUnitId': 'Zeile {row} von {file} nennt in der ersten Zelle keine Einheit.',
  'reliability.sample.tooLarge':
    'Eine Stichprobe von {size} lässt sich nicht aus {available} Einheiten ziehen.',
  'reliability.sample.badSize':
    'Die Stichprobengröße muss eine ganze Zahl von mindestens 1 sein (sie ist {size}).',
  'reliability.sample.unknown':
    'In diesem Projekt gibt es keine Reliabilitätsstichprobe „{sample}“.',
  'reliability.sample.needsCoders':
    'Eine Reliabilitätsstichprobe braucht mindestens zwei Codierende ({count} gewählt).',
  'reliability.unitUnknown': 'Den Satz {unitId} gibt es im Dokument {documentId} nicht.',
  'reliability.sampleSize.badParameters':
    'Das Mindest-Alpha muss zwischen 0 und 1 liegen, das Signifikanzniveau zwischen 0 und 0,5 und der kleinste Kategorienanteil zwischen 0 und 0,5.',
  // Teamprojekte: Codierende, Dateien anderer Rechner, Codebuch-Versionen
  'team.documentNameTaken':
    'Unter dem Namen „{id}“ ist schon ein anderer Text im Projekt; benennen Sie die Datei um, um sie als weiteres Dokument zu importieren.',
  'team.fileRefused': '{path} wurde nicht gelesen und bleibt, wie sie ist: {detail}',
  'team.conflictCopy':
    '{path} ist eine Kopie, die ein Sync-Dienst angelegt hat, als zwei Rechner dieselbe Datei änderten. Sie wird nicht gelesen: Vergleichen Sie sie mit der Datei, die sie kopiert, übernehmen Sie, was Sie brauchen, und löschen Sie sie dann.',
  'team.layerOfOther':
    '{path} nennt die Codierperson „{coder}“, liegt aber im Ordner von „{folder}“.',
  'team.codebookConflict':
    'Aus derselben Version {version} wurden zwei Codebuch-Versionen gespeichert. Wählen Sie, welche gilt; die andere bleibt im Ordner erhalten.',
  'team.codebookUnknown': 'Es gibt keine Codebuch-Version „{id}“ zur Auswahl.',
  'team.longLayoutOnly':
    'Alle Codierenden kommen in eine Tabelle (das lange Format), und {format} ist keine: Wählen Sie jsonl, csv-sentences oder csv-statements ohne Aufteilung, oder eine Codierperson.',
  'team.coderUnknown': 'Es gibt keine Codierperson „{coder}“ in diesem Projekt.',
  'adjudication.notCoded':
    'Der Satz {unitId} von „{documentId}“ wurde von niemandem codiert: Es gibt nichts zu entscheiden.',
  'adjudication.coderDidNotCode': 'Die Codierperson „{coder}“ hat diesen Satz nicht codiert.',
  'adjudication.runUnknown':
    'Es gibt keine automatische Übernahme „{run}“ von Ihnen, die sich zurücknehmen ließe.',
  'adjudication.layerUnknown':
    'Es gibt keine Ebene „{layer}“: Wählen Sie gold, all oder coder:<id> einer Codierperson dieses Projekts.',
  'adjudication.noGold':
    'Das Projekt hat noch keine Goldebene: Entscheiden Sie zuerst, oder exportieren Sie die Ebene einer Codierperson.',
  'team.migrated': {
    one: 'Das Projekt hat jetzt die Team-Ablage: {count} Codierung wurde zur Ebene von {name}.',
    other:
      'Das Projekt hat jetzt die Team-Ablage: {count} Codierungen wurden zur Ebene von {name}.',
  },
  'team.codebook.dimensionAdded': 'fügt die Dimension „{dimension}“ hinzu',
  'team.codebook.dimensionRemoved': 'entfernt die Dimension „{dimension}“',
  'team.codebook.labelAdded': 'fügt „{label}“ zu {dimension} hinzu',
  'team.codebook.labelRemoved': 'entfernt „{label}“ aus {dimension}',
  'team.codebook.labelRenamed': 'benennt „{from}“ in „{to}“ um',
  'team.codebook.labelChanged': 'ändert „{label}“ in {dimension}',
  // REFI-QDA-Projekte (.qdpx): Export und Import
  'qdpx.export.statementsFlattened': {
    one: '{count} Satz hat mehr als eine Aussage; das Projekt erhält seine Labels ohne die Aussagen (REFI-QDA kennt keine).',
    other:
      '{count} Sätze haben mehr als eine Aussage; das Projekt erhält ihre Labels ohne die Aussagen (REFI-QDA kennt keine).',
  },
  'qdpx.export.uncertainDropped': {
    one: '{count} Satz ist als unsicher markiert; REFI-QDA kennt diese Markierung nicht, sie fehlt im Projekt.',
    other:
      '{count} Sätze sind als unsicher markiert; REFI-QDA kennt diese Markierung nicht, sie fehlt im Projekt.',
  },
  'qdpx.export.unknownLabel': {
    one: '{count} Label steht nicht mehr im Codebuch und wurde ausgelassen.',
    other: '{count} Labels stehen nicht mehr im Codebuch und wurden ausgelassen.',
  },
  'qdpx.export.unknownUnit': {
    one: '{count} Codierung gehört zu einem Satz, den das Dokument nicht mehr hat, und wurde ausgelassen.',
    other:
      '{count} Codierungen gehören zu Sätzen, die das Dokument nicht mehr hat, und wurden ausgelassen.',
  },
  'qdpx.codebookRefused':
    'Das Codesystem des Projekts passt nicht in das Codebuch, daher wurde nichts importiert: {detail}',
  'qdpx.project': 'ein REFI-QDA-Projekt: mit seinen Codes und Codierenden importiert',
  'qdpx.notProject': '{file} ist kein REFI-QDA-Projekt (.qdpx): {detail}',
  'qdpx.noProjectFile': '{file} enthält keine project.qde.',
  'qdpx.sourceMissing':
    'Die Quelle „{source}“ verweist auf {path}, das in der Projektdatei fehlt; sie wurde nicht importiert.',
  'qdpx.sourceNotText':
    'Die Quelle „{source}“ ist kein Text ({kind}); nur Textquellen werden importiert.',
  'qdpx.sourceFailed': 'Die Quelle „{source}“ wurde nicht importiert: {reason}',
  'qdpx.partialOverlap':
    '„{source}“, Zeichen {start}–{end}: „{code}“ von {user} deckt nur einen Teil des Satzes „{excerpt}“ ab; der Satz erhielt das Label nicht.',
  'qdpx.noSentence':
    '„{source}“, Zeichen {start}–{end}: „{code}“ von {user} deckt keinen Satz ab (nur eine Überschrift, eine Autorzeile oder Leerraum); nicht übernommen.',
  'qdpx.outOfRange':
    '„{source}“, Zeichen {start}–{end}: die Markierung liegt außerhalb des Textes; nicht übernommen.',
  'qdpx.unknownCode':
    '„{source}“, Zeichen {start}–{end}: eine Codierung nennt einen Code, der nicht im Codesystem steht; nicht übernommen.',
  'qdpx.codeIsDimension':
    '„{source}“, Zeichen {start}–{end}: codiert mit „{code}“, der Subcodes hat und zur Dimension wurde; nicht übernommen.',
  'qdpx.sourceCodings': {
    one: '„{source}“: {count} Codierung der ganzen Quelle (ohne Markierung) wurde nicht übernommen.',
    other:
      '„{source}“: {count} Codierungen der ganzen Quelle (ohne Markierung) wurden nicht übernommen.',
  },
  'qdpx.codebook.flattened':
    'Der Code „{code}“ liegt tiefer als zwei Ebenen; er wurde zum Label „{label}“ von „{dimension}“.',
  'qdpx.codebook.looseCodes': {
    one: '{count} Code ohne Subcodes wurde ein Label der Dimension „{dimension}“.',
    other: '{count} Codes ohne Subcodes wurden Labels der Dimension „{dimension}“.',
  },
  'qdpx.codebook.added': {
    one: 'Das Codebuch erhielt {count} Label aus dem Projekt.',
    other: 'Das Codebuch erhielt {count} Labels aus dem Projekt.',
  },
  'qdpx.coders': 'Codiert von {names}: die Codierungen jeder Person wurden zu ihrer Ebene.',
  'qdpx.annotationsKept': {
    one: '{count} Satz hatte in der Ebene, für die die Codierungen des Projekts bestimmt waren, schon Labels; sie blieben, die Codierungen wurden nicht übernommen.',
    other:
      '{count} Sätze hatten in den Ebenen, für die die Codierungen des Projekts bestimmt waren, schon Labels; sie blieben, die Codierungen wurden nicht übernommen.',
  },
}
