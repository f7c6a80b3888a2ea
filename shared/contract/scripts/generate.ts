/**
 * Rebuilds everything derived from `contracts/openapi.yaml`:
 * - `shared/contract/src/generated/types.ts`, TypeScript types (openapi-typescript);
 * - `shared/contract/src/generated/validators.js` + `.d.ts`, ajv validators compiled ahead of time (standalone code),
 *   one `validate<Schema>` per component schema, so no JSON Schema is compiled at cold start.
 *
 * `npm run generate` writes the files; `npm run generate -- --check` only compares them with the
 * contract and exits 1 when they drift (the drift test runs it).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import ajv2020Module from 'ajv/dist/2020.js';
import standaloneModule from 'ajv/dist/standalone/index.js';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const contractPath = path.join(root, 'contracts/openapi.yaml');
export const generatedDir = path.join(root, 'shared/contract/src/generated');

// Both are CommonJS modules whose real export sits on `default`.
const Ajv2020 = ajv2020Module.default;
const standaloneCode = standaloneModule.default;

const HEADER = '// Generated from contracts/openapi.yaml by `npm run generate`. Do not edit.\n';

// Ajv's standalone output pulls formats in with require(); inline regexes keep the module plain ESM.
const FORMATS = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i,
};

// Lengths count code points, as JSON Schema says; ajv's helper is inlined for the same reason as FORMATS.
const UCS2LENGTH_REQUIRE = 'require("ajv/dist/runtime/ucs2length").default';
const UCS2LENGTH_INLINE = `function ucs2length(str) {
  let length = 0;
  for (let pos = 0; pos < str.length; length++) {
    const code = str.charCodeAt(pos++);
    if (code >= 0xd800 && code <= 0xdbff && pos < str.length && (str.charCodeAt(pos) & 0xfc00) === 0xdc00) pos++;
  }
  return length;
}`;

interface OpenApiDocument {
  components: { schemas: Record<string, unknown> };
}

export async function renderGeneratedFiles(): Promise<Record<string, string>> {
  const source = await readFile(contractPath, 'utf8');
  const document = parse(source) as OpenApiDocument;

  const types = HEADER + astToString(await openapiTS(structuredClone(document) as never));

  const schemaNames = Object.keys(document.components.schemas);
  const defs = JSON.parse(JSON.stringify(document.components.schemas).replaceAll('#/components/schemas/', '#/$defs/'));
  const ajv = new Ajv2020({
    allErrors: true,
    useDefaults: true,
    strict: true,
    strictTypes: false,
    formats: FORMATS,
    code: { source: true, esm: true, lines: false },
  });
  ajv.addKeyword({ keyword: 'example' });
  ajv.addSchema({ $id: 'contracts', $defs: defs });
  const exports = Object.fromEntries(schemaNames.map((name) => [`validate${name}`, `contracts#/$defs/${name}`]));
  const validators =
    HEADER + '/* eslint-disable */\n' + standaloneCode(ajv, exports).replaceAll(UCS2LENGTH_REQUIRE, UCS2LENGTH_INLINE);
  if (/\brequire\(/.test(validators)) {
    throw new Error('Generated validators still require() a runtime module; inline it so the output stays ESM');
  }

  const declarations =
    HEADER +
    "import type { ValidateFunction } from 'ajv';\nimport type { components } from './types.js';\n\n" +
    schemaNames
      .map((name) => `export declare const validate${name}: ValidateFunction<components['schemas']['${name}']>;`)
      .join('\n') +
    '\n';

  return { 'types.ts': types, 'validators.js': validators, 'validators.d.ts': declarations };
}

async function main(check: boolean): Promise<void> {
  const files = await renderGeneratedFiles();
  if (check) {
    const stale: string[] = [];
    for (const [name, content] of Object.entries(files)) {
      const onDisk = await readFile(path.join(generatedDir, name), 'utf8').catch(() => '');
      if (onDisk !== content) stale.push(`shared/contract/src/generated/${name}`);
    }
    if (stale.length > 0) {
      console.error(`Out of date with contracts/openapi.yaml: ${stale.join(', ')}. Run \`npm run generate\`.`);
      process.exitCode = 1;
    } else {
      console.log('Generated files match contracts/openapi.yaml.');
    }
    return;
  }
  for (const [name, content] of Object.entries(files)) {
    await writeFile(path.join(generatedDir, name), content);
    console.log(`wrote shared/contract/src/generated/${name} (${content.length} bytes)`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await main(process.argv.includes('--check'));
}
