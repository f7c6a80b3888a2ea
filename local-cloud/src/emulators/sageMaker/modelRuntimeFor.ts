import type { ModelRuntime, ModelRuntimes } from './types.js';

/**
 * The runtime that serves a container image: the one named by the image itself, else by its
 * repository name (no registry, tag or digest), else the `'*'` one; undefined when none does.
 *
 * @example
 * modelRuntimeFor({ ranker: rankerRuntime }, '123456789012.dkr.ecr.us-east-1.amazonaws.com/ranker:7') // rankerRuntime
 */
export function modelRuntimeFor(runtimes: ModelRuntimes, image: string | undefined): ModelRuntime | undefined {
  const named = (key: string): ModelRuntime | undefined => (Object.hasOwn(runtimes, key) ? runtimes[key] : undefined);
  if (image !== undefined && image !== '') {
    const repository = image
      .replace(/@.*$/, '')
      .replace(/:[^/:]*$/, '')
      .split('/')
      .at(-1)!;
    const runtime = named(image) ?? named(repository);
    if (runtime) return runtime;
  }
  return named('*');
}
