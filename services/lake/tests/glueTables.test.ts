import { readFile } from 'node:fs/promises';
import { glueTablesPath, renderGlueTables } from '../scripts/generateGlueTables.js';
import { LAKE_TABLES } from '@sdp/shared-lake';

describe('the Glue tables of the lake', () => {
  it('are generated from the lake table definitions (run npm run generate when this fails)', async () => {
    // Act / Assess
    expect(await readFile(glueTablesPath, 'utf8')).toBe(renderGlueTables());
  });

  it('declare every lake table with partition projection', () => {
    // Act
    const rendered = renderGlueTables();

    // Assess
    for (const table of LAKE_TABLES) expect(rendered).toContain(`Name: ${table.name}\n`);
    expect(rendered.match(/projection\.enabled: "true"/g)).toHaveLength(LAKE_TABLES.length);
  });
});
