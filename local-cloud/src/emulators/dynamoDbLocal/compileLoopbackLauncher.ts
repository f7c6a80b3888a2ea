import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { access, mkdir, mkdtemp, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { EmulatorStartError, JavaNotFoundError } from '../../errors.js';

/** The main class of `LoopbackDynamoDbLocal.java`: DynamoDB Local bound to 127.0.0.1, closed to web pages. */
export const LOOPBACK_LAUNCHER_CLASS = 'LoopbackDynamoDbLocal';

/**
 * Compiles the loopback launcher of DynamoDB Local (`LoopbackDynamoDbLocal.java`, beside this file)
 * against the emulator's jar into `<cacheDir>/dynamodb-local-launcher/<hash>/`, once per content of
 * the source and jar, and resolves with that class directory. A class file costs nothing at start,
 * where a source-file launch (`java X.java`) would compile it for 2–4 s every time. Concurrent
 * starts compile side by side and the first to finish wins the directory.
 *
 * @throws {@link JavaNotFoundError} when `javac` (a JDK) is not on the PATH.
 * @throws {@link EmulatorStartError} when the launcher does not compile (another DynamoDB Local).
 *
 * @example
 * ```ts
 * const classesDir = await compileLoopbackLauncher(emulatorDir, '.data/cache');
 * spawn('java', ['-cp', `${jar}:${classesDir}`, LOOPBACK_LAUNCHER_CLASS, '-port', '8000', '-inMemory']);
 * ```
 */
export async function compileLoopbackLauncher(emulatorDir: string, cacheDir: string): Promise<string> {
  const sourceFile = launcherSourceFile();
  const jar = join(emulatorDir, 'DynamoDBLocal.jar');
  const hash = createHash('sha256')
    .update(await readFile(sourceFile))
    .update(`${(await stat(jar)).size}`)
    .digest('hex')
    .slice(0, 16);
  const classesDir = join(cacheDir, 'dynamodb-local-launcher', hash);
  if (await isCompiled(classesDir)) return classesDir;
  await mkdir(dirname(classesDir), { recursive: true });
  const building = await mkdtemp(`${classesDir}.building-`);
  try {
    // Release 11: what DynamoDB Local itself runs on, so any newer JDK compiles the same classes.
    await promisify(execFile)('javac', ['--release', '11', '-nowarn', '-cp', jar, '-d', building, sourceFile]).catch(
      (error: NodeJS.ErrnoException & { stderr?: string }) => {
        throw error.code === 'ENOENT'
          ? new JavaNotFoundError({ cause: error })
          : new EmulatorStartError(
              'DynamoDB Local',
              `its loopback launcher did not compile: ${error.stderr ?? error.message}`,
              { cause: error },
            );
      },
    );
    await rename(building, classesDir).catch(async (error: unknown) => {
      // Another start compiled the same launcher first: use its classes.
      if (!(await isCompiled(classesDir))) throw error;
    });
  } finally {
    await rm(building, { recursive: true, force: true });
  }
  return classesDir;
}

const isCompiled = (classesDir: string): Promise<boolean> =>
  access(join(classesDir, `${LOOPBACK_LAUNCHER_CLASS}.class`)).then(
    () => true,
    () => false,
  );

// import.meta.dirname: this file's directory under tsx, and __dirname once Jest's SWC made it CommonJS.
const launcherSourceFile = (): string => join(import.meta.dirname, `${LOOPBACK_LAUNCHER_CLASS}.java`);
