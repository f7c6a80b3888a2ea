/**
 * Writes `resources/glue-tables.yml` (the Glue tables of the lake, for Athena) from the lake's table
 * definitions, so the catalog cannot drift from what the writers land. `--check` only compares and
 * exits 1 on drift (a unit test does the same).
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { glueTableResources } from '../src/domain/glueTables.js';

export const glueTablesPath = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../resources/glue-tables.yml',
);

export function renderGlueTables(): string {
  return `# Generated from src/domain/tables.ts by \`npm run generate\`. Do not edit.\n${stringify(glueTableResources(), { lineWidth: 0 })}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rendered = renderGlueTables();
  if (process.argv.includes('--check')) {
    const current = await readFile(glueTablesPath, 'utf8').catch(() => '');
    if (current !== rendered) {
      console.error(`${path.relative(process.cwd(), glueTablesPath)} is out of date; run npm run generate`);
      process.exit(1);
    }
  } else {
    await writeFile(glueTablesPath, rendered);
    console.log(`wrote ${path.relative(process.cwd(), glueTablesPath)}`);
  }
}
