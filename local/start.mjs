/**
 * What `npm start` runs: local/server-cli.ts and the project's configuration module from one
 * bundle of their TypeScript, cached under node_modules/.cache/roam-start and rebuilt when one of
 * its source files changes. Loading ~250 TypeScript modules through tsx's loader hooks took 1-3 s
 * of every start; the bundle loads in a fraction of that with no loader at all. Packages stay
 * outside the bundle (loaded from node_modules as usual). Plain JavaScript, because it runs before
 * anything can compile TypeScript. When the bundle cannot be built, the start goes through tsx as
 * `tsx local/cli.ts` would.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Where bundles are kept (tests give their own, inside the project: the bundles import its packages). */
const CACHE_ROOT = process.env.ROAM_START_CACHE ? resolve(process.env.ROAM_START_CACHE) : join(ROOT, 'node_modules/.cache/roam-start');
/** Bumped when the way the bundle is made changes, so an old one is not used. */
const BUNDLE_FORMAT = 1;
const ENTRY = 'start.js';
const INPUTS = 'inputs.json';

/** The configuration module, as local/config/options.ts's configModuleOf reads it. */
function configFile(argv) {
  const { values } = parseArgs({ args: argv, strict: false, options: { config: { type: 'string' } } });
  return resolve(typeof values.config === 'string' && values.config.length > 0 ? values.config : 'local.config.ts');
}

/** A bundle per configuration module, esbuild version and Node version. */
function bundleDir(config) {
  const esbuildVersion = JSON.parse(readFileSync(join(ROOT, 'node_modules/esbuild/package.json'), 'utf8')).version;
  const key = createHash('sha256')
    .update(JSON.stringify([BUNDLE_FORMAT, config, esbuildVersion, process.version]))
    .digest('hex');
  return join(CACHE_ROOT, key.slice(0, 16));
}

/** Whether every source file the bundle was made from is as it was (size and modification time). */
function isFresh(dir) {
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(join(dir, INPUTS), 'utf8'));
  } catch {
    return false;
  }
  return inputs.every(([file, size, mtimeMs]) => {
    const stat = statSync(file, { throwIfNoEntry: false });
    return stat !== undefined && stat.size === size && stat.mtimeMs === mtimeMs;
  });
}

/**
 * esbuild bundles modules into one file, so `import.meta.url` would name the bundle: each module
 * that reads it gets its own source file's URL instead (files beside it: migrations, assets).
 */
function ownImportMeta(transform) {
  return {
    name: 'own-import-meta',
    setup(build) {
      build.onLoad({ filter: /\.m?ts$/ }, async (args) => {
        if (args.path.includes('/node_modules/')) return undefined;
        const source = await readFile(args.path, 'utf8');
        if (!source.includes('import.meta')) return { contents: source, loader: 'ts' };
        const url = pathToFileURL(args.path).href;
        const { code } = await transform(source, {
          loader: 'ts',
          format: 'esm',
          sourcefile: args.path,
          define: {
            'import.meta.url': JSON.stringify(url),
            'import.meta.filename': JSON.stringify(args.path),
            'import.meta.dirname': JSON.stringify(dirname(args.path)),
          },
        });
        return { contents: code, loader: 'js', resolveDir: dirname(args.path) };
      });
    },
  };
}

async function buildBundle(dir, config) {
  const esbuild = await import('esbuild');
  const scratch = `${dir}.tmp-${process.pid}`;
  try {
    const result = await esbuild.build({
      stdin: {
        // A dynamic import: a configuration module that throws is reported like any other start failure.
        contents: `import { runServerCli } from ${JSON.stringify(join(ROOT, 'local/server-cli.ts'))};\nrunServerCli(() => import(${JSON.stringify(config)}));\n`,
        resolveDir: ROOT,
        sourcefile: 'start-entry.ts',
        loader: 'ts',
      },
      absWorkingDir: ROOT,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: `node${process.versions.node.split('.')[0]}`,
      packages: 'external',
      outdir: scratch,
      entryNames: 'start',
      metafile: true,
      logLevel: 'silent',
      plugins: [ownImportMeta(esbuild.transform)],
    });
    const inputs = Object.keys(result.metafile.inputs)
      .filter((input) => existsSync(resolve(ROOT, input))) // not the generated entry
      .map((input) => {
        const file = resolve(ROOT, input);
        const stat = statSync(file);
        return [file, stat.size, stat.mtimeMs];
      });
    await writeFile(join(scratch, INPUTS), JSON.stringify(inputs));
    await rm(dir, { recursive: true, force: true });
    await rename(scratch, dir);
  } finally {
    await rm(scratch, { recursive: true, force: true });
    // The build's esbuild process is not needed again by this start.
    await esbuild.stop();
  }
}

const config = configFile(process.argv.slice(2));
const dir = bundleDir(config);
let bundled = isFresh(dir);
if (!bundled && existsSync(config)) {
  try {
    await mkdir(CACHE_ROOT, { recursive: true });
    await buildBundle(dir, config);
    bundled = true;
  } catch (error) {
    // A source file esbuild cannot read (a syntax error): tsx says it as it always has.
    if (process.env.ROAM_START_DEBUG) console.error(error);
    bundled = false;
  }
}
if (bundled) {
  await import(pathToFileURL(join(dir, ENTRY)).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(ROOT, 'local/cli.ts')).href);
}
