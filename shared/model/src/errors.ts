/**
 * A stored model (`model.tar.gz`, or the `model.json` inside it) that cannot be served; the message
 * says what is wrong and where, so whoever wrote it can fix the writer.
 */
export class InvalidModelArtifactError extends Error {
  /** Where the model came from, e.g. `model.tar.gz` or `/opt/ml/model/model.json` */
  readonly source: string;

  constructor(source: string, problem: string, options?: ErrorOptions) {
    super(`${source} is not a servable model: ${problem}.`, options);
    this.name = 'InvalidModelArtifactError';
    this.source = source;
  }
}
