import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { EmulatorStartError } from '../../errors.js';
import { abortableSleep } from '../../eventSources/abortableSleep.js';
import { writeJsonAtomic } from '../../eventSources/writeJsonAtomic.js';
import { MODEL_DATA_URL_PATTERN, sageMakerArn } from './constants.js';
import { describeEndpoint } from './describeEndpoint.js';
import { notFound, SageMakerApiError } from './errors.js';
import { loadVariants } from './loadVariants.js';
import {
  invalidValue,
  optionalObject,
  optionalString,
  readProductionVariant,
  requiredList,
  requiredName,
  type Input,
} from './readInput.js';
import { readModelData } from './readModelData.js';
import { settleDeployment, type DeploymentOutcome } from './settleDeployment.js';
import { modelRuntimeFor } from './modelRuntimeFor.js';
import type { Deployment, ModelRuntimes, SageMakerState, StoredEndpoint } from './types.js';

export interface SageMakerControlPlaneOptions {
  /** Where `state.json` lives */
  dataDir: string;
  /** Where buckets are, one directory each (`s3://bucket/key` → `<objectStoreDir>/bucket/key`) */
  objectStoreDir: string;
  /** How long an endpoint stays Creating or Updating before its models load (0: as soon as possible) */
  deployDelayMs?: number;
  /** What loads and answers for each container image (see {@link ModelRuntimes}); none: every deployment fails */
  modelRuntimes?: ModelRuntimes;
  log?: (message: string) => void;
}

type Output = Record<string, unknown>;
const now = (): number => Date.now() / 1000;

/**
 * The local SageMaker's models, endpoint configurations and endpoints, with the operations a
 * service uses to deploy and promote a model version, the conditions and messages AWS has, and their
 * state kept in `<dataDir>/state.json` across restarts.
 *
 * CreateEndpoint and UpdateEndpoint return at once and deploy in the background as on AWS: the
 * endpoint is `Creating`/`Updating` while the new models load, then the deployment is swapped in one
 * assignment (`InService`). Until then the previous deployment answers every invocation; if a model
 * fails to load, an update leaves it serving (`InService` with a `FailureReason`) and a creation
 * ends `Failed`.
 */
export class SageMakerControlPlane {
  readonly #state: SageMakerState;
  readonly #options: Required<SageMakerControlPlaneOptions>;
  readonly #deploys = new Set<Promise<void>>();
  readonly #stopping = new AbortController();
  #writing: Promise<void> = Promise.resolve();

  private constructor(state: SageMakerState, options: SageMakerControlPlaneOptions) {
    this.#state = state;
    this.#options = { deployDelayMs: 0, modelRuntimes: {}, log: () => undefined, ...options };
  }

  /** How long the next CreateEndpoint/UpdateEndpoint stay Creating/Updating before their models load. */
  set deployDelayMs(ms: number) {
    this.#options.deployDelayMs = ms;
  }

  /** Loads the saved state and resumes the deployments a stop interrupted. */
  static async open(options: SageMakerControlPlaneOptions): Promise<SageMakerControlPlane> {
    const file = path.join(options.dataDir, 'state.json');
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    let state: SageMakerState = { models: {}, endpointConfigs: {}, endpoints: {} };
    try {
      if (text !== undefined) state = JSON.parse(text) as SageMakerState;
    } catch (error) {
      throw new EmulatorStartError(
        'local SageMaker',
        `${file} is not JSON (${(error as Error).message}); delete it or start with --reset`,
        { cause: error },
      );
    }
    const controlPlane = new SageMakerControlPlane(state, options);
    for (const endpoint of Object.values(state.endpoints))
      if (endpoint.pending) controlPlane.#startDeployment(endpoint);
    return controlPlane;
  }

  /** Runs one control-plane operation (the `X-Amz-Target` after `SageMaker.`) and returns its output. */
  async call(operation: string, input: Input): Promise<Output> {
    const run = this.#operations[operation];
    if (!run) {
      const known = Object.keys(this.#operations).join(', ');
      throw new SageMakerApiError(
        'UnknownOperationException',
        `The local SageMaker does not implement ${operation}; it implements ${known}.`,
      );
    }
    return run(input);
  }

  /** What answers an endpoint's invocations now, if anything does. Read it once per invocation. */
  deploymentOf(endpointName: string): Deployment | undefined {
    return this.#state.endpoints[endpointName]?.deployed;
  }

  /** Stops deployments that are still waiting (they resume on the next start) and finishes writing. */
  async close(): Promise<void> {
    this.#stopping.abort();
    await Promise.all(this.#deploys);
    await this.#writing;
  }

  readonly #operations: Record<string, (input: Input) => Promise<Output>> = {
    CreateModel: async (input) => {
      const name = requiredName(input, 'ModelName');
      if (input.Containers !== undefined)
        throw new SageMakerApiError(
          'ValidationException',
          'The local SageMaker serves one PrimaryContainer per model; Containers (inference pipelines) are not emulated.',
        );
      const container = optionalObject(input, 'PrimaryContainer');
      if (!container) throw invalidValue(undefined, 'primaryContainer', 'Member must not be null');
      const image = optionalString(container, 'Image', 'primaryContainer.image');
      const modelDataUrl = optionalString(container, 'ModelDataUrl', 'primaryContainer.modelDataUrl');
      const environment = optionalObject(container, 'Environment', 'primaryContainer.environment');
      const executionRoleArn = optionalString(input, 'ExecutionRoleArn');
      const arn = sageMakerArn('model', name);
      if (this.#state.models[name])
        throw new SageMakerApiError('ValidationException', `Cannot create already existing model "${arn}".`);
      if (modelDataUrl === undefined) {
        throw new SageMakerApiError(
          'ValidationException',
          'The local SageMaker needs PrimaryContainer.ModelDataUrl: it loads the artifact there with the model runtime of the image (it runs no containers).',
        );
      }
      if (!MODEL_DATA_URL_PATTERN.test(modelDataUrl)) {
        throw invalidValue(
          modelDataUrl,
          'primaryContainer.modelDataUrl',
          `Member must satisfy regular expression pattern: ${MODEL_DATA_URL_PATTERN.source}`,
        );
      }
      if (!modelDataUrl.startsWith('s3://')) {
        throw new SageMakerApiError(
          'ValidationException',
          `The local SageMaker reads model data from s3://bucket/key URLs only, not ${modelDataUrl}.`,
        );
      }
      if (!(await readModelData(modelDataUrl, this.#options.objectStoreDir))) {
        throw new SageMakerApiError('ValidationException', `Could not find model data at ${modelDataUrl}.`);
      }
      this.#state.models[name] = {
        ModelName: name,
        ModelArn: arn,
        PrimaryContainer: {
          ...(image === undefined ? {} : { Image: image }),
          ModelDataUrl: modelDataUrl,
          ...(environment ? { Environment: environment as Record<string, string> } : {}),
        },
        ...(executionRoleArn === undefined ? {} : { ExecutionRoleArn: executionRoleArn }),
        CreationTime: now(),
      };
      await this.#persist();
      return { ModelArn: arn };
    },

    DescribeModel: async (input) => {
      const model = this.#model(requiredName(input, 'ModelName'));
      return { ...model, EnableNetworkIsolation: false };
    },

    DeleteModel: async (input) => {
      const name = this.#model(requiredName(input, 'ModelName')).ModelName;
      delete this.#state.models[name];
      await this.#persist();
      return {};
    },

    CreateEndpointConfig: async (input) => {
      const name = requiredName(input, 'EndpointConfigName');
      const variants = requiredList(input, 'ProductionVariants', 1, 10).map((variant, i) =>
        readProductionVariant(variant, `productionVariants.${i + 1}.member`),
      );
      const arn = sageMakerArn('endpoint-config', name);
      if (this.#state.endpointConfigs[name])
        throw new SageMakerApiError(
          'ValidationException',
          `Cannot create already existing endpoint configuration "${arn}".`,
        );
      const names = variants.map((variant) => variant.VariantName);
      const repeated = names.find((variantName, i) => names.indexOf(variantName) !== i);
      if (repeated)
        throw new SageMakerApiError(
          'ValidationException',
          `The production variant name ${repeated} is used more than once; variant names must be unique.`,
        );
      for (const variant of variants) this.#model(variant.ModelName);
      this.#state.endpointConfigs[name] = {
        EndpointConfigName: name,
        EndpointConfigArn: arn,
        ProductionVariants: variants,
        CreationTime: now(),
      };
      await this.#persist();
      return { EndpointConfigArn: arn };
    },

    DescribeEndpointConfig: async (input) => ({ ...this.#endpointConfig(requiredName(input, 'EndpointConfigName')) }),

    DeleteEndpointConfig: async (input) => {
      const name = this.#endpointConfig(requiredName(input, 'EndpointConfigName')).EndpointConfigName;
      delete this.#state.endpointConfigs[name];
      await this.#persist();
      return {};
    },

    CreateEndpoint: async (input) => {
      const name = requiredName(input, 'EndpointName');
      const configName = requiredName(input, 'EndpointConfigName');
      const arn = sageMakerArn('endpoint', name);
      if (this.#state.endpoints[name])
        throw new SageMakerApiError('ValidationException', `Cannot create already existing endpoint "${arn}".`);
      const config = this.#endpointConfig(configName);
      const at = now();
      const endpoint: StoredEndpoint = {
        EndpointName: name,
        EndpointArn: arn,
        EndpointStatus: 'Creating',
        CreationTime: at,
        LastModifiedTime: at,
        pending: {
          endpointConfigName: configName,
          variants: structuredClone(config.ProductionVariants),
          startedAt: at,
        },
      };
      this.#state.endpoints[name] = endpoint;
      await this.#persist();
      this.#startDeployment(endpoint);
      return { EndpointArn: arn };
    },

    UpdateEndpoint: async (input) => {
      const name = requiredName(input, 'EndpointName');
      const configName = requiredName(input, 'EndpointConfigName');
      const endpoint = this.#endpoint(name);
      this.#assertSettled(endpoint);
      if (endpoint.EndpointStatus === 'Failed')
        throw new SageMakerApiError('ValidationException', `Cannot update failed endpoint "${endpoint.EndpointArn}".`);
      const config = this.#endpointConfig(configName);
      // SageMaker needs the configuration being replaced to roll back to, so it must still exist.
      this.#endpointConfig(endpoint.deployed!.endpointConfigName);
      const at = now();
      endpoint.EndpointStatus = 'Updating';
      delete endpoint.FailureReason;
      endpoint.LastModifiedTime = at;
      endpoint.pending = {
        endpointConfigName: configName,
        variants: structuredClone(config.ProductionVariants),
        startedAt: at,
      };
      await this.#persist();
      this.#startDeployment(endpoint);
      return { EndpointArn: endpoint.EndpointArn };
    },

    DescribeEndpoint: async (input) => describeEndpoint(this.#endpoint(requiredName(input, 'EndpointName'))),

    DeleteEndpoint: async (input) => {
      const endpoint = this.#endpoint(requiredName(input, 'EndpointName'));
      this.#assertSettled(endpoint);
      delete this.#state.endpoints[endpoint.EndpointName];
      await this.#persist();
      return {};
    },
  };

  #model(name: string) {
    return this.#state.models[name] ?? throwError(notFound('model', sageMakerArn('model', name)));
  }

  #endpointConfig(name: string) {
    return (
      this.#state.endpointConfigs[name] ??
      throwError(notFound('endpoint configuration', sageMakerArn('endpoint-config', name)))
    );
  }

  #endpoint(name: string) {
    return this.#state.endpoints[name] ?? throwError(notFound('endpoint', sageMakerArn('endpoint', name)));
  }

  #assertSettled(endpoint: StoredEndpoint): void {
    if (endpoint.pending)
      throw new SageMakerApiError(
        'ValidationException',
        `Cannot update in-progress endpoint "${endpoint.EndpointArn}".`,
      );
  }

  #startDeployment(endpoint: StoredEndpoint): void {
    const deployment: Promise<void> = this.#deploy(endpoint)
      .catch((error: unknown) =>
        this.#options.log(`SageMaker endpoint ${endpoint.EndpointName}: could not save its state: ${String(error)}`),
      )
      .finally(() => this.#deploys.delete(deployment));
    this.#deploys.add(deployment);
  }

  /** Waits the deploy delay, loads every variant's model, then swaps the endpoint over or keeps what served before. */
  async #deploy(endpoint: StoredEndpoint): Promise<void> {
    await abortableSleep(this.#options.deployDelayMs, this.#stopping.signal);
    // Stopped while waiting: the deployment stays pending in state.json and resumes on the next start.
    if (this.#stopping.signal.aborted) return;
    const outcome: DeploymentOutcome = await loadVariants(
      endpoint.pending!.variants,
      this.#state.models,
      this.#options.objectStoreDir,
      this.#options.modelRuntimes,
    ).then(
      (variants) => ({ variants }),
      (error: Error) => ({ failureReason: error.message }),
    );
    settleDeployment(endpoint, outcome, now());
    const served = endpoint.deployed?.variants
      .map(
        ({ variant, image, model, modelDataUrl }) =>
          `${variant.VariantName}=${modelRuntimeFor(this.#options.modelRuntimes, image || undefined)?.describe?.(model) ?? modelDataUrl}`,
      )
      .join(', ');
    const failure = 'failureReason' in outcome ? `: ${outcome.failureReason}` : '';
    this.#options.log(
      `SageMaker endpoint ${endpoint.EndpointName} ${endpoint.EndpointStatus}${served ? ` serving ${served}` : ''}${failure}`,
    );
    await this.#persist();
  }

  #persist(): Promise<void> {
    const written = this.#writing.then(() =>
      writeJsonAtomic(path.join(this.#options.dataDir, 'state.json'), this.#state),
    );
    this.#writing = written.catch(() => undefined);
    return written;
  }
}

const throwError = (error: Error): never => {
  throw error;
};
