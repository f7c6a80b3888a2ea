/**
 * The code of one function instance: a worker thread that imports the bundled handler once and
 * then runs one invocation at a time, as a Lambda execution environment does. Kept as a string so
 * it runs the same under tsx, Jest and plain Node.
 */
export const WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const { pathToFileURL } = require('node:url');
const { bundlePath, exportName, functionName, memorySize, invokedFunctionArn } = workerData;

function describe(error) {
  return { name: error?.name ?? 'Error', message: error?.message ?? String(error), stack: error?.stack };
}

import(pathToFileURL(bundlePath).href)
  .then((module) => {
    const handler = module[exportName];
    if (typeof handler !== 'function') throw new Error(bundlePath + ' has no exported function ' + exportName);
    parentPort.on('message', async ({ id, event, requestId, deadline }) => {
      const context = {
        awsRequestId: requestId,
        functionName,
        functionVersion: '$LATEST',
        invokedFunctionArn,
        memoryLimitInMB: String(memorySize),
        logGroupName: '/aws/lambda/' + functionName,
        logStreamName: 'local',
        callbackWaitsForEmptyEventLoop: true,
        getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
        done() {}, fail() {}, succeed() {},
      };
      try {
        const value = await handler(event, context);
        parentPort.postMessage({ id, ok: true, value });
      } catch (error) {
        parentPort.postMessage({ id, ok: false, error: describe(error) });
      }
    });
    parentPort.postMessage({ ready: true });
  })
  .catch((error) => parentPort.postMessage({ initError: describe(error) }));
`;
