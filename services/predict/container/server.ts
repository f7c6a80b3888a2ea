/**
 * The bid-win model container's entry point. SageMaker starts it as `docker run <image> serve`, with
 * the model extracted to /opt/ml/model, and expects an HTTP server on port 8080 (or
 * SAGEMAKER_BIND_TO_PORT) answering GET /ping and POST /invocations.
 *
 *   node server.mjs serve                                  # in the image (ENTRYPOINT + CMD)
 *   MODEL_DIR=/tmp/model npx tsx services/predict/container/server.ts serve   # on a workstation
 */
import { startModelServer } from './startModelServer.js';

const log = (level: 'INFO' | 'ERROR', message: string, data: Record<string, unknown> = {}) =>
  console.log(JSON.stringify({ level, message, timestamp: new Date().toISOString(), ...data }));

const mode = process.argv[2] ?? 'serve';
if (mode !== 'serve') {
  log(
    'ERROR',
    `This image only serves: run it with "serve", not "${mode}" (it is trained by the retrain service, not by SageMaker).`,
  );
  process.exit(2);
}

const modelDir = process.env.MODEL_DIR ?? '/opt/ml/model';
const port = Number(process.env.SAGEMAKER_BIND_TO_PORT ?? 8080);
try {
  const server = await startModelServer({ modelDir, port, host: '0.0.0.0' });
  log('INFO', 'model server listening', { port, modelDir, model_version: server.model.version });
  // SageMaker stops a container with SIGTERM: finish the requests in flight, then exit.
  process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
} catch (error) {
  log('ERROR', 'the model could not be loaded; the endpoint will fail its ping health check', {
    modelDir,
    error: String((error as Error).message),
  });
  process.exit(1);
}
