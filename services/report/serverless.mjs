// Serverless Framework v3 reads a serverless.ts only through ts-node, which cannot load the modules of
// this ES module package: it reads this file first, which loads serverless.ts with tsx (docs/adr/0004).
import { tsImport } from 'tsx/esm/api';

export default (await tsImport('./serverless.ts', import.meta.url)).default;
