/**
 * Forms folders for the tests of the e-forms as data: a copy of the demo's
 * folder with some files written over it, and the check that a folder is
 * refused with the problems an operator would read.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after } from 'node:test';
import { readFormsFolder } from '../../demo/server/forms/folder.js';
import { FORMS_DIR } from '../../demo/server/forms/index.js';
import { FormsFolderError } from '../../demo/server/forms/read.js';

const folders: string[] = [];
after(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

export type Files = Record<string, unknown>;

/** A fresh folder: a copy of the demo's forms (or empty), with `files` written over it (objects as JSON). */
export function folderWith(files: Files, base: 'demo' | 'empty' = 'demo'): string {
  const folder = mkdtempSync(join(tmpdir(), 'dvc-forms-'));
  folders.push(folder);
  if (base === 'demo') cpSync(FORMS_DIR, folder, { recursive: true });
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, file)), { recursive: true });
    writeFileSync(
      join(folder, file),
      typeof content === 'string' || content instanceof Uint8Array ? content : JSON.stringify(content, null, 2),
    );
  }
  return folder;
}

export const demoFile = (file: string) =>
  JSON.parse(readFileSync(join(FORMS_DIR, file), 'utf8')) as Record<string, unknown>;

/** The problems of reading `folder` (it must be refused). */
export function problemsOf(folder: string): readonly string[] {
  try {
    readFormsFolder(folder);
  } catch (error) {
    assert.ok(error instanceof FormsFolderError, String(error));
    return error.problems;
  }
  assert.fail('the folder was taken');
}

/** The folder is refused with a problem matching each of `expected`. */
export function assertRefused(files: Files, ...expected: (string | RegExp)[]): readonly string[] {
  const problems = problemsOf(folderWith(files));
  for (const wanted of expected) {
    const matches = (problem: string) => (typeof wanted === 'string' ? problem === wanted : wanted.test(problem));
    assert.ok(problems.some(matches), `expected ${wanted} among:\n${problems.join('\n')}`);
  }
  return problems;
}

/** A minimal valid form (no parts), for the expansion tests. */
export const minimalForm = (fields: unknown[], extra: Record<string, unknown> = {}) => ({
  procedure: '9.000001',
  version: 1,
  title: 'Tờ khai thử',
  applicantKinds: ['person'],
  sections: [{ id: 'chinh', title: 'Chính', fields }],
  documents: [],
  delivery: ['desk'],
  declaration: 'Tôi cam đoan.',
  ...extra,
});
