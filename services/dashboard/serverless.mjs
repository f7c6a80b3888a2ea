// Serverless v3 reads a .ts config only with ts-node, which fails on ES modules: this loads it with tsx (ADR 4).
import { tsImport } from 'tsx/esm/api';
export default (await tsImport('./serverless.ts', import.meta.url)).default;
