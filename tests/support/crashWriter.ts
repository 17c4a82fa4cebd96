// A writer for the crash test: codes sentences as fast as it can and prints one line per
// annotation the storage acknowledged as saved. The test kills it with SIGKILL mid-stream.
//   node --import tsx tests/support/crashWriter.ts <projectDir> <documentId> <round>
import { openLowdbRepository } from '../../electron/core/storage/lowdbRepository'

const [dir, documentId, round] = process.argv.slice(2)
const repo = await openLowdbRepository(dir, { lock: 'the crash-test writer' })
const document = await repo.getDocument(documentId)
const sentences = document.units.filter((u) => u.kind === 'sentence')
const stances = ['supportive', 'critical', 'neutral', 'mixed']
process.stdout.write('ready\n')
for (let i = 0; ; i++) {
  const unit = sentences[i % sentences.length]
  const note = `round ${round} write ${i}`
  const now = new Date().toISOString()
  await repo.putAnnotation(documentId, unit.id, {
    statements: [{ id: 's1', values: { stance: [stances[i % 4]] } }],
    uncertain: false,
    note,
    annotator: 'crash',
    createdAt: now,
    updatedAt: now,
    codebookVersion: 1,
  })
  process.stdout.write(`${JSON.stringify({ unit: unit.id, note })}\n`)
}
