/**
 * Size benchmark of the CDN build (`dist/cdn/`): what a commune page pays
 * in bytes over the wire for the loader alone and for the search widget.
 *
 * Run alone: `npx tsx test/bench/size.ts` (builds `dist/cdn/` first;
 * `--no-build` measures the build already there).
 *
 * Also home of the few helpers every part of `npm run bench` shares
 * (`Figure`, `formatFigure`, `isMain`): the bench is three files, not a library.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

/** One measured number, with its budget when the issue sets one (lower is better, unless said otherwise). */
export interface Figure {
  label: string;
  value: number;
  unit: 'B' | 'ms' | 'req/s' | 'ratio';
  budget?: number;
  /** The budget is a floor (a throughput ratio), not a ceiling. */
  higherIsBetter?: boolean;
  /** Why this figure, or which statistic the verdict rests on, when it is not obvious. */
  note?: string;
}

const KB = 1024;

function formatValue(value: number, unit: Figure['unit']): string {
  if (unit === 'B') return `${(value / KB).toFixed(2)} KB (${value} B)`;
  if (unit === 'ms') return `${value.toFixed(1)} ms`;
  if (unit === 'ratio') return value.toFixed(2);
  return `${Math.round(value)} req/s`;
}

export function formatFigure(figure: Figure): string {
  const value = formatValue(figure.value, figure.unit).padEnd(20);
  const verdict = figure.budget === undefined
    ? 'no budget set'
    : `budget ${figure.higherIsBetter ? '≥ ' : ''}${formatValue(figure.budget, figure.unit)}: ${
        (figure.higherIsBetter ? figure.value >= figure.budget : figure.value <= figure.budget) ? 'within budget' : 'OVER budget'
      }`;
  return `${figure.label.padEnd(40)} ${value} ${verdict}${figure.note ? ` (${figure.note})` : ''}`;
}

/** True when `moduleUrl` is the script node was started with, not an import of it. */
export const isMain = (moduleUrl: string): boolean =>
  Boolean(process.argv[1]) && moduleUrl === pathToFileURL(resolve(process.argv[1]!)).href;

/** The repository, so the bench runs from any working directory. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CDN_DIR = join(ROOT, 'dist/cdn');
const ENTRY = join(CDN_DIR, 'dvc-widgets.js');

/**
 * `vite build --mode cdn`: the only build these figures (and the keystroke
 * page) read, and seconds faster than the whole `npm run build`. Vite's
 * output is shown only when it fails.
 */
export function buildCdn(): void {
  const started = performance.now();
  const result = spawnSync('npx', ['vite', 'build', '--mode', 'cdn'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    throw new Error(`vite build --mode cdn failed (${result.error?.message ?? `exit code ${result.status}`})`);
  }
  console.log(`Built dist/cdn/ in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** A JS file of the build and the relative URLs it imports. */
interface Module {
  file: string;
  raw: number;
  /** Bytes after gzip -9, what a CDN or web server sends with `Content-Encoding: gzip` at best. */
  gzip: number;
  /** Loaded before its code runs: `import … from "./x.js"`, `import "./x.js"`, `export … from "./x.js"`. */
  staticImports: string[];
  /** Loaded on demand: `import("./x.js")`, with any quote (Vite emits backticks). */
  dynamicImports: string[];
  source: string;
}

const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["'`](\.{1,2}\/[^"'`]+)["'`]/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g;

const modules = new Map<string, Module>();

/** Reads (once) and parses one file of the build; import URLs are resolved relative to it. */
function readModule(file: string): Module {
  const known = modules.get(file);
  if (known) return known;
  const source = readFileSync(file, 'utf8');
  const resolveAll = (pattern: RegExp) =>
    [...new Set([...source.matchAll(pattern)].map((match) => join(dirname(file), match[1]!)))];
  const module: Module = {
    file,
    raw: Buffer.byteLength(source),
    gzip: gzipSync(source, { level: 9 }).length,
    staticImports: resolveAll(STATIC_IMPORT),
    dynamicImports: resolveAll(DYNAMIC_IMPORT),
    source,
  };
  modules.set(file, module);
  return module;
}

/** `roots` and every file they statically import, transitively: what must arrive before they run. */
function staticClosure(roots: string[]): Module[] {
  const seen = new Map<string, Module>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    const module = readModule(file);
    seen.set(file, module);
    module.staticImports.forEach(visit);
  };
  roots.forEach(visit);
  return [...seen.values()];
}

/**
 * Each file is gzipped on its own and the sizes summed, because that is how
 * they travel: one HTTP response per file, each compressed separately. One
 * gzip of all files together would share a dictionary and look smaller.
 */
const gzipTotal = (files: Module[]): number => files.reduce((sum, module) => sum + module.gzip, 0);

/** The chunk the entry's loader imports for `tag`, read from the entry itself so no hash is hard-coded. */
function elementChunk(entry: Module, tag: string): string {
  const match = new RegExp(`["'\`]?${tag}["'\`]?\\s*:[^]*?\\bimport\\(\\s*["'\`](\\.{1,2}/[^"'\`]+)["'\`]`).exec(entry.source);
  if (!match) throw new Error(`dist/cdn/dvc-widgets.js has no import() for <${tag}>: did the loader in src/cdn.ts change?`);
  return join(dirname(entry.file), match[1]!);
}

function printTable(title: string, files: Module[]): void {
  console.log(`  ${title}`);
  for (const { file, raw, gzip } of files) {
    console.log(`    ${relative(CDN_DIR, file).padEnd(44)} ${String(raw).padStart(7)} B raw ${String(gzip).padStart(7)} B gzip`);
  }
}

/** Measures `dist/cdn/` (building it first unless `build` is false) and prints the table and figures. */
export async function measureSize({ build = true } = {}): Promise<Figure[]> {
  if (build) buildCdn();
  modules.clear();
  const entry = readModule(ENTRY);
  const searchChunk = elementChunk(entry, 'dvc-procedure-search');
  const searchFiles = staticClosure([ENTRY, searchChunk]);
  // English messages load only when the widget's language is `en`: import()s of the search files named messages.en*.
  const englishRoots = searchFiles
    .flatMap((module) => module.dynamicImports)
    .filter((file) => basename(file).startsWith('messages.en'));
  const englishFiles = staticClosure(englishRoots).filter((module) => !searchFiles.includes(module));

  console.log('\n== Size of the CDN build (gzip -9, each file on its own) ==');
  printTable('Search widget on a Vietnamese page:', searchFiles);
  printTable('Extra on an English page:', englishFiles);

  const figures: Figure[] = [
    { label: 'Loader dvc-widgets.js (gzip)', value: entry.gzip, unit: 'B', budget: 8 * KB },
    { label: 'Search widget, all it loads (gzip)', value: gzipTotal(searchFiles), unit: 'B', budget: 20 * KB },
    { label: '  extra on an English page (gzip)', value: gzipTotal(englishFiles), unit: 'B' },
    {
      label: '  total on an English page (gzip)',
      value: gzipTotal(searchFiles) + gzipTotal(englishFiles),
      unit: 'B',
      budget: 20 * KB,
      note: 'the 20 KB budget applied to English too',
    },
  ];
  figures.push(...measureUpload(entry));
  figures.forEach((figure) => console.log(formatFigure(figure)));
  return figures;
}

/**
 * `<dvc-attachment-upload>`: its own chunk (what it adds to the shared Lit,
 * zod and base chunks) against its 8 KB budget, and the tus client, which it
 * imports only when a file is chosen.
 */
function measureUpload(entry: Module): Figure[] {
  const uploadChunk = readModule(elementChunk(entry, 'dvc-attachment-upload'));
  const beforeChoosing = staticClosure([ENTRY, uploadChunk.file]);
  const onChoosing = staticClosure(uploadChunk.dynamicImports.filter((file) => !basename(file).startsWith('messages.en')))
    .filter((module) => !beforeChoosing.includes(module));
  printTable('Upload widget before a file is chosen:', beforeChoosing);
  printTable('Loaded when the first file is chosen (the upload client):', onChoosing);
  return [
    { label: 'Upload widget, its own code (gzip)', value: uploadChunk.gzip, unit: 'B', budget: 8 * KB, note: 'without the tus client' },
    { label: '  all it loads before a file is chosen', value: gzipTotal(beforeChoosing), unit: 'B' },
    { label: '  upload client, on the first file (gzip)', value: gzipTotal(onChoosing), unit: 'B', note: 'tus-js-client with our resume store, chunk sizing and photo scaling' },
  ];
}

if (isMain(import.meta.url)) await measureSize({ build: !process.argv.includes('--no-build') });
