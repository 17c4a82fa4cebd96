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
  'job.failed': 'The work stopped with an error: {detail}',
  'job.notFound': 'There is no job "{id}".',

  // Unit kinds, used as parameters
  'unit.kind.sentence': 'sentence',
  'unit.kind.heading': 'heading',
  'unit.kind.byline': 'byline',
  'unit.kind.caption': 'caption',
  'unit.kind.meta': 'meta line',

  // Learned suggestions: data sets read by `model evaluate`
  'suggest.data.notObject': '{file}, line {line}: not a JSON object.',
  'suggest.data.noText': '{file}, line {line}: there is no "text" string.',
  'suggest.data.badLabel':
    '{file}, line {line}: "label" is neither a string nor a list of strings (for a line of an export, name the dimension with --dimension).',
  'suggest.data.notExport':
    '{file}, line {line}: not a line of a JSONL export (it has no "statements"), as --dimension expects.',
  'suggest.data.noDimension':
    '{file}, line {line}: its statements have no dimension "{dimension}".',
  'suggest.data.badDimension':
    '{file}, line {line}: the labels of "{dimension}" are not a list of label names.',
  'suggest.data.empty': '{file} holds no labelled sentences.',
  'suggest.noDimension': 'The codebook has no dimension "{dimension}" (it has: {known}).',
  'suggest.tooFewLabels': {
    one: 'Suggestions for "{dimension}" start at {min} coded sentences in at least two labels; {count} is coded so far.',
    other:
      'Suggestions for "{dimension}" start at {min} coded sentences in at least two labels; {count} are coded so far.',
  },

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

  // Unit edits: what was done
  'unitEdit.split': 'Split.',
  'unitEdit.splitKept': 'Split. Both halves kept the labels; check them.',
  'unitEdit.merged': 'Merged.',
  'unitEdit.mergedConflict': 'Merged, with a conflict to resolve ({detail}).',
  'unitEdit.included': 'Included.',
  'unitEdit.excluded': 'Excluded.',
  'unitEdit.resegmented': 'Segmented again: every annotated sentence is unchanged.',
  // Why a sentence is marked for review (stored in English, see REVIEW_REASONS)
  'review.split': 'split: both halves kept the labels of the whole sentence',
  'review.merged': 'merged: check the labels of the merged sentence',
  'review.resegmented': 'resegmented: the sentence boundaries changed',
  'review.mergeConflict': 'merge conflict: {conflicts}',
  'unitEdit.resegmentedChanged': {
    one: 'Segmented again: {count} sentence with labels changed and is marked for review.',
    other: 'Segmented again: {count} sentences with labels changed and are marked for review.',
  },

  // Storage: the lock, and what was repaired on opening
  'storage.locked':
    'The project is already open in {tool} (process {pid} on {host}, since {since}). Close it there first: two programs writing the same project would lose labels.',
  'storage.tool.app': 'the app',
  'storage.tool.cli': 'the command-line tool',
  'storage.damaged': '{file} is damaged and has no usable backup: {reason}',
  'storage.noVersion': '{what} has no schema version',
  'storage.newerVersion':
    '{what} was written by a newer version of the app (schema {version}, this app reads up to {readable})',
  'storage.badShape': '{what} does not have the expected shape: {detail}',
  'storage.file.document': 'the document file',
  'storage.file.annotations': 'the annotation file',
  'storage.missing': 'the file was missing',
  'storage.truncated': 'the file is empty (truncated)',
  'storage.notJson': 'the file is not valid JSON (truncated or overwritten)',
  'storage.unreadable': '{detail}',
  'storage.recovered': '{file} was damaged ({reason}); restored from {from}.',
  'storage.from.backup': 'the backup of the last good state',
  'storage.from.lastWrite': 'the last complete write',

  // The project, the app's start, its menu and its file dialogs
  'project.sampleName': 'Sample corpus',
  'app.openFailed': 'The project could not be opened',
  'menu.file': 'File',
  'menu.quit': 'Quit',
  'menu.closeWindow': 'Close window',
  'menu.edit': 'Edit',
  'menu.cut': 'Cut',
  'menu.copy': 'Copy',
  'menu.paste': 'Paste',
  'menu.selectAll': 'Select all',
  'menu.view': 'View',
  'menu.resetZoom': 'Actual size',
  'menu.zoomIn': 'Zoom in',
  'menu.zoomOut': 'Zoom out',
  'menu.fullScreen': 'Full screen',
  'menu.devTools': 'Developer tools',
  'menu.window': 'Window',
  'menu.minimize': 'Minimise',
  'dialog.importFiles': 'Import documents',
  'dialog.importFolder': 'Import a folder',
  'dialog.importCodebook': 'Import a codebook',
  'dialog.export': 'Export',
  'dialog.exportFolder': 'Export into a folder',
  'dialog.filter.articles': 'Articles',
  'dialog.filter.allFiles': 'All files',
  'dialog.filter.codebook': 'Codebook',
  'dialog.filter.jsonl': 'JSON Lines',
  'dialog.filter.csv': 'CSV',
  'dialog.filter.card': 'Dataset card',
  'dialog.filter.graphml': 'GraphML',
  'dialog.filter.qdpx': 'REFI-QDA project',

  // The codebook: its rules and its files
  'codebook.dimensionIdTwice': 'Two dimensions share the id "{id}".',
  'codebook.labelIdTwice': 'The label id "{id}" is used twice (in {first} and {second}).',
  'codebook.keyReserved': 'The key "{key}" of "{label}" is reserved for a command.',
  'codebook.keyTaken':
    'The key "{key}" is already taken by "{owner}" ({ownerDimension}); choose another key for "{label}".',
  'codebook.scaleOnMulti':
    '"{dimension}" is a multiple-choice dimension, which is always nominal; only a single-choice dimension can have the {scale} scale.',
  'codebook.scaleNeedsValue':
    'On the {scale} scale of "{dimension}" every label needs a number: give "{label}" one.',
  'codebook.ratioNegative':
    'A ratio scale starts at zero: "{label}" in "{dimension}" has {value}; choose the interval scale or a value of 0 or more.',
  'codebook.scaleNeedsTwo':
    'The {scale} scale of "{dimension}" needs at least two labels; it has {count}.',
  'codebook.rulesBroken': '{problems}',
  'codebook.fileUnreadable': 'The codebook file cannot be read: {detail}',
  'codebook.fileNotJson': 'This is not a codebook: the file is not valid JSON ({detail}).',
  'codebook.fileInvalid': 'This is not a valid codebook: {detail}.',
  'codebook.fileBreaksRule': 'The codebook breaks a rule: {problems}',

  // Import: why a file failed or was skipped, and what the analyst should know about it
  'import.empty': 'the file is empty',
  'import.binary': 'looks like a binary file, not text',
  'import.notUtf8': 'the file is not UTF-8; it was read as {encoding}',
  'import.docxDamaged': 'not a readable .docx (the file is damaged or truncated)',
  'import.docxOld':
    'not a readable .docx: it is an old Word 97–2003 document or a password-protected file; open it in Word and save it as an unprotected .docx',
  'import.docxNoText': 'the document contains no text',
  'import.htmlNoText': 'the HTML page contains no readable text',
  'import.noText': 'the file contains no text',
  'import.noTextLeft': 'no text left after extraction',
  'import.notRegular': 'not a regular file or folder',
  'import.unsupported': 'unsupported file type {ext} (supported: {supported})',
  'import.noExtension': 'a file without an extension (supported: {supported})',
  'import.tooLarge': 'the file is {size}, more than the import limit of {limit}',
  'import.unreadable': 'the file could not be read: {detail}',
  'import.osReason': '{reason} ({code})',
  'import.os.ENOENT': 'the file or folder does not exist',
  'import.os.EACCES': 'permission denied',
  'import.os.EISDIR': 'this is a folder',
  'import.os.ENOTDIR': 'a part of the path is not a folder',
  'import.os.ELOOP': 'too many symbolic links',
  'import.os.EBUSY': 'the file is in use by another program',
  'import.os.EMFILE': 'too many files are open',
  'import.os.ENAMETOOLONG': 'the path is too long',
  'import.failed': 'the document could not be imported: {detail}',
  'import.duplicate': 'already in the project as "{existing}"',
  'import.idTaken': 'a document "{id}" is already in the project',
  'import.noun.column': 'column',
  'import.noun.field': 'field',
  'import.unit.row': 'row',
  'import.unit.line': 'line',
  'import.unit.item': 'item',
  'import.noTextColumn': 'there is no {noun} with text',
  'import.guessedText':
    'no {noun} is named like a text ({names}, …); using "{column}", which has the longest entries, as the text',
  'import.csvNoRows': 'the CSV file has no rows below its header row',
  'import.csvProblem': '{detail}',
  'import.csvRowProblem': 'row {row}: {detail}',
  'import.lineNotJson': 'line {line}: not valid JSON ({detail}); skipped',
  'import.lineNotObject': 'line {line}: not a JSON object; skipped',
  'import.itemNotObject': 'item {item}: not a JSON object; skipped',
  'import.noValidLine': 'no line holds a valid JSON object ({problem})',
  // JSON.parse's own words are English; German names only where it stopped (see messages.de.ts)
  'json.syntax': '{engine}',
  'json.syntaxAt': '{engine}',
  'json.syntaxLine': '{engine}',
  'import.notJson': 'not valid JSON: {detail}',
  'import.jsonShape':
    'the JSON file holds neither a list of documents nor an object with a "documents" list',
  'import.jsonNoDocuments': 'the JSON file contains no documents',
  'import.textEmpty': '{unit} {n}: the {noun} "{column}" is empty; skipped',
  'import.idTwice': '{unit} {n}: the id "{id}" was already used in {unit} {earlier}',
  'import.noTextAnywhere':
    'no {unit} has any text (the text {noun} is "{column}"; expected names: {names})',
  'import.annotatedExport':
    'This is an annotated export (one sentence per line with document_id and sentence_id), not a collection of articles; it cannot be imported as new documents',
  'import.notUtf8Export': 'cannot be read as UTF-8 text: {detail}',
  'import.exportLineNotJson': 'the line is not valid JSON',
  'import.notExportLine': 'line {line} is not a line of an annotated export: {detail}',
  'import.exportIncomplete':
    "the export holds {held} of the document's {count} units (was it exported with only annotated sentences or without headings, or split?); it cannot rebuild the document",
  'import.exportUnitMissing':
    'unit {unit} is missing (line {line} has index {index}); it cannot rebuild the document',
  'import.exportOffsets':
    'line {line}: the offsets {start}–{end} do not match the text (expected {expectedStart}–{expectedEnd}); was the file edited?',
  'import.exportStatementsUndated': 'line {line}: statements without created_at',
  'import.exportAnnotationIncomplete':
    'line {line}: an annotation needs annotator, updated_at, codebook_version, note and uncertain',
  'import.exportProvenance':
    'line {line}: the provenance of "{dimension}" does not match its labels',
  'import.invalidDocument': '{detail}',
  'import.invalidAnnotation': 'annotation of {unitId}: {detail}',
  'import.unknownLabels': {
    one: "{count} label is not in this project's codebook: {labels}",
    other: "{count} labels are not in this project's codebook: {labels}",
  },

  // Export: its options, its target, and what it tells the analyst about what it wrote
  'export.invalidOption': 'Invalid export option {option}: {detail}',
  'export.cannotWrite': 'Cannot write the export to {path}: {reason}',
  'export.reason.insideProject':
    'it is inside the project folder, where it could overwrite the project; choose a place outside it',
  'export.reason.isFolder': 'it is a folder; give the name of a file',
  'export.reason.isFile': 'it is a file; this format writes a folder',
  'export.reason.noParent': 'the folder {folder} does not exist',
  'export.reason.parentIsFile': '{folder} is a file, not a folder',
  'export.reason.system': '{detail}',
  'export.reason.EACCES': 'permission denied (EACCES)',
  'export.reason.EPERM': 'permission denied (EPERM)',
  'export.reason.EROFS': 'the disk is read-only (EROFS)',
  'export.reason.ENOSPC': 'the disk is full (ENOSPC)',
  'export.reason.EDQUOT': 'the disk quota is exhausted (EDQUOT)',
  'export.reason.ENOENT': 'the folder does not exist (ENOENT)',
  'export.reason.ENOTDIR': 'a part of the path is a file, not a folder (ENOTDIR)',
  'export.reason.EISDIR': 'it is a folder, not a file (EISDIR)',
  'export.reason.ENAMETOOLONG': 'the path is too long (ENAMETOOLONG)',
  'export.reason.EMFILE': 'too many files are open (EMFILE)',
  'export.reason.EBUSY': 'the file is in use (EBUSY)',
  'export.reason.EEXIST': 'it already exists (EEXIST)',
  'export.reason.ENOTEMPTY': 'the folder is not empty (ENOTEMPTY)',
  'export.cancelled': 'The export was cancelled; no file was written.',
  'export.projectChanged': 'The project changed while it was being exported; export it again.',
  'export.noSuchDocuments': {
    one: 'There is no document {ids} in this project.',
    other: 'There are no documents {ids} in this project.',
  },
  'export.role.actor': 'actor',
  'export.role.argument': 'argument',
  'export.role.stance': 'stance',
  'export.networkUnknownDimension':
    'The network’s {role} dimension "{id}" is not in the codebook (it has {known}); choose another.',
  'export.networkNoDimension':
    'No network can be drawn: the codebook has no {role} dimension. Choose one for the network.',
  'export.warning.noNetwork':
    'No network was written: the codebook has no {role} dimension (choose one for the network).',
  'export.warning.emptyNetwork':
    'No network was written: no exported statement has both an actor and an argument.',
  'export.warning.nothingExported':
    'Nothing was exported: no sentence matches the options, so no data file was written.',
  'export.warning.emptyFile': '{file} was not written: it would hold no {what}.',
  'export.warning.emptySplit': {
    one: 'The {split} part is empty (only {count} document was exported); its files were not written: {files}.',
    other:
      'The {split} part is empty (only {count} documents were exported); its files were not written: {files}.',
  },
  'export.warning.noUnits': 'The document "{id}" has no units and is left out.',
  'export.warning.orphans': {
    one: '{count} annotation belongs to a unit that no longer exists and is left out.',
    other: '{count} annotations belong to units that no longer exist and are left out.',
  },
  'export.what.sentences': 'sentences',
  'export.what.statements': 'coded statements',
  'export.overwrite.title': 'Replace files?',
  'export.overwrite.message': 'The folder {folder} is not empty.',
  'export.overwrite.detail': {
    one: 'Exporting there replaces {count} file: {names}.',
    other: 'Exporting there replaces {count} files: {names}.',
  },
  'export.overwrite.replace': 'Replace',
  'export.overwrite.cancel': 'Cancel',

  // Reliability: agreement between coders
  'reliability.undefined.nothingPairable':
    'undefined: no unit was coded by two coders or more, so there is nothing to compare',
  'reliability.undefined.noVariation':
    'undefined: the coders used one single value throughout, so agreement cannot be told apart from chance',
  'reliability.undefined.tooFewCoders': 'undefined: it takes at least two coders',
  'reliability.notApplicable.twoCoders':
    'Cohen’s kappa compares exactly two coders; there are {coders}.',
  'reliability.notApplicable.incomplete': {
    one: '{measure} needs every unit coded by every coder; {count} cell is empty.',
    other: '{measure} needs every unit coded by every coder; {count} cells are empty.',
  },
  'reliability.metricNeedsNumbers': 'The {metric} metric needs numbers, and some values are not.',
  'reliability.metricNeedsNonNegative': 'The {metric} metric needs values of zero or more.',
  'reliability.metricNeedsSets': 'The {metric} distance compares sets of labels.',
  'reliability.metricNeedsOrder':
    'The {metric} metric needs the values in order: numbers, or labels of an ordered dimension.',
  'reliability.verdict.reliable': 'reliable (α ≥ .800)',
  'reliability.verdict.tentative': 'tentative conclusions only (.667 ≤ α < .800)',
  'reliability.verdict.unreliable': 'not reliable (α < .667)',
  'reliability.verdict.undefined': 'undefined',
  'reliability.table.unreadable': 'Cannot read {file}: {detail}',
  'reliability.table.empty': '{file} has no units: it needs a header and one row per unit.',
  'reliability.table.noUnitColumn':
    'The first column of {file} must be "unit", followed by one column per coder (it is "{found}").',
  'reliability.table.noCoders': '{file} has no coder columns after "unit".',
  'reliability.table.coderTwice': 'Two columns of {file} are named "{coder}".',
  'reliability.table.unitTwice':
    'The unit "{unit}" appears twice in {file} (rows {first} and {second}).',
  'reliability.table.rowLength':
    'Row {row} of {file} has {found} cells, but the header has {expected}.',
  'reliability.table.noUnitId': 'Row {row} of {file} has no unit in its first cell.',
  'reliability.sample.tooLarge': 'A sample of {size} cannot be drawn from {available} units.',
  'reliability.sample.badSize':
    'The sample size must be a whole number of at least 1 (it is {size}).',
  'reliability.sample.unknown': 'There is no reliability sample "{sample}" in this project.',
  'reliability.sample.needsCoders':
    'A reliability sample needs at least two coders to code it ({count} chosen).',
  'reliability.unitUnknown': 'The sentence {unitId} is not in the document {documentId}.',
  'reliability.sampleSize.badParameters':
    'The minimum alpha must lie between 0 and 1, the significance level between 0 and 0.5, and the smallest category share between 0 and 0.5.',
  // Team projects: coders, files from other machines, codebook versions
  'team.documentNameTaken':
    'A different text is already in the project under the name "{id}"; rename the file to import it as another document.',
  'team.fileRefused': '{path} was not read and is left as it is: {detail}',
  'team.conflictCopy':
    '{path} is a copy a sync engine made when two machines changed one file. It is not read: compare it with the file it copies, keep what you need, then delete it.',
  'team.layerOfOther': '{path} names coder "{coder}" but lies in the folder of coder "{folder}".',
  'team.codebookConflict':
    'Two codebook versions were saved from the same version {version}. Choose which one stands; the other stays in the folder.',
  'team.codebookUnknown': 'There is no codebook version "{id}" to choose.',
  'team.longLayoutOnly':
    'All coders go into one table (the long layout), which {format} is not: choose jsonl, csv-sentences or csv-statements without a split, or one coder.',
  'team.coderUnknown': 'There is no coder "{coder}" in this project.',
  'adjudication.notCoded':
    'The sentence {unitId} of "{documentId}" has not been coded by anyone: there is nothing to adjudicate.',
  'adjudication.coderDidNotCode': 'The coder "{coder}" did not code this sentence.',
  'adjudication.runUnknown': 'There is no automatic acceptance "{run}" of yours to undo.',
  'adjudication.layerUnknown':
    'There is no layer "{layer}": choose gold, all, or coder:<id> of a coder of this project.',
  'adjudication.noGold':
    'The project has no gold layer yet: adjudicate first, or export a coder’s layer.',
  'team.migrated': {
    one: 'The project now has the team layout: {count} annotation became the layer of {name}.',
    other: 'The project now has the team layout: {count} annotations became the layer of {name}.',
  },
  'team.codebook.dimensionAdded': 'adds the dimension "{dimension}"',
  'team.codebook.dimensionRemoved': 'removes the dimension "{dimension}"',
  'team.codebook.labelAdded': 'adds "{label}" to {dimension}',
  'team.codebook.labelRemoved': 'removes "{label}" from {dimension}',
  'team.codebook.labelRenamed': 'renames "{from}" to "{to}"',
  'team.codebook.labelChanged': 'changes "{label}" in {dimension}',
  // REFI-QDA projects (.qdpx): export and import
  'qdpx.export.statementsFlattened': {
    one: '{count} sentence has more than one statement; the project gets its labels without the statements (REFI-QDA has none).',
    other:
      '{count} sentences have more than one statement; the project gets their labels without the statements (REFI-QDA has none).',
  },
  'qdpx.export.uncertainDropped': {
    one: '{count} sentence is marked uncertain; REFI-QDA has no such mark, so it is not in the project.',
    other:
      '{count} sentences are marked uncertain; REFI-QDA has no such mark, so it is not in the project.',
  },
  'qdpx.export.unknownLabel': {
    one: '{count} label is no longer in the codebook and was left out.',
    other: '{count} labels are no longer in the codebook and were left out.',
  },
  'qdpx.export.unknownUnit': {
    one: '{count} annotation belongs to a sentence the document no longer has and was left out.',
    other: '{count} annotations belong to sentences the document no longer has and were left out.',
  },
  'qdpx.codebookRefused':
    'The code system of the project does not fit into the codebook, so nothing was imported: {detail}',
  'qdpx.project': 'a REFI-QDA project: imported with its codes and coders',
  'qdpx.notProject': '{file} is not a REFI-QDA project (.qdpx): {detail}',
  'qdpx.noProjectFile': '{file} holds no project.qde.',
  'qdpx.sourceMissing':
    'The source "{source}" names {path}, which is not in the project file; it was not imported.',
  'qdpx.sourceNotText':
    'The source "{source}" is not a text ({kind}); only text sources are imported.',
  'qdpx.sourceFailed': 'The source "{source}" was not imported: {reason}',
  'qdpx.partialOverlap':
    '"{source}", characters {start}–{end}: "{code}" by {user} covers only part of the sentence “{excerpt}”; the sentence was not given the label.',
  'qdpx.noSentence':
    '"{source}", characters {start}–{end}: "{code}" by {user} covers no sentence (only a heading, a byline or blank text); it was not mapped.',
  'qdpx.outOfRange':
    '"{source}", characters {start}–{end}: the selection lies outside the text; it was not mapped.',
  'qdpx.unknownCode':
    '"{source}", characters {start}–{end}: a coding names a code that is not in the code system; it was not mapped.',
  'qdpx.codeIsDimension':
    '"{source}", characters {start}–{end}: coded with "{code}", which holds sub-codes and became a dimension; it was not mapped.',
  'qdpx.sourceCodings': {
    one: '"{source}": {count} coding of the whole source (without a selection) was not mapped.',
    other: '"{source}": {count} codings of the whole source (without a selection) were not mapped.',
  },
  'qdpx.codebook.flattened':
    'The code "{code}" lies deeper than two levels; it became the label "{label}" of "{dimension}".',
  'qdpx.codebook.looseCodes': {
    one: '{count} code without sub-codes became a label of the dimension "{dimension}".',
    other: '{count} codes without sub-codes became labels of the dimension "{dimension}".',
  },
  'qdpx.codebook.added': {
    one: 'The codebook gained {count} label from the project.',
    other: 'The codebook gained {count} labels from the project.',
  },
  'qdpx.coders': 'Coded by {names}: the codings of each became that coder’s layer.',
  'qdpx.annotationsKept': {
    one: '{count} sentence already had labels in the layer the project’s codings were meant for; they were kept and the codings not applied.',
    other:
      '{count} sentences already had labels in the layers the project’s codings were meant for; they were kept and the codings not applied.',
  },
}

export type EnglishCatalogue = typeof en
