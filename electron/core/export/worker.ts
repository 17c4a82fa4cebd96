/**
 * The entry of an export's worker thread: serialises the batches of documents the main thread
 * sends (./workerBatch.ts) and hands the bytes back without a copy. Built as its own file
 * (out/main/exportWorker.js, see electron.vite.config.ts); run from source through tsx by the
 * CLI and the tests (./workerPool.ts).
 */
import { parentPort, workerData } from 'node:worker_threads'
import { batchSerialiser, type BatchRequest, type WorkerSetup } from './workerBatch'

const port = parentPort
if (!port) throw new Error('The export worker runs only as a worker thread.')
const serialise = batchSerialiser(workerData as WorkerSetup)
port.on('message', (request: BatchRequest) => {
  const result = serialise(request)
  port.postMessage(result, result.bytes)
})
port.postMessage('ready')
