/** The file inside a model's `model.tar.gz`; SageMaker extracts the archive into `/opt/ml/model/`. */
export const MODEL_FILE_NAME = 'model.json';
