import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = path.resolve(__dirname, '..');

describe('generated types and validators', () => {
  it('match contracts/openapi.yaml (run `npm run generate` after changing the contract)', async () => {
    // Act
    const result = await run(
      path.join(root, 'node_modules/.bin/tsx'),
      ['shared/contract/scripts/generate.ts', '--check'],
      {
        cwd: root,
      },
    ).then(
      ({ stdout }) => ({ ok: true, output: stdout.trim() }),
      (error: { stderr: string }) => ({ ok: false, output: error.stderr.trim() }),
    );

    // Assess
    expect(result).toStrictEqual({ ok: true, output: 'Generated files match contracts/openapi.yaml.' });
  }, 60_000);
});
