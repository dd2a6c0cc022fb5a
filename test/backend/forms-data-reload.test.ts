/**
 * A running backend takes a changed forms folder without a restart: the
 * form endpoint answers the edited form within a second or so, and an edit
 * that breaks the folder leaves the forms citizens get as they were.
 * `FORMS_DIR` is set before the backend's modules load, so this file has its
 * own folder (a copy of the demo's).
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { FormDefinition } from '../../src/api/contract/index.js';

const folder = mkdtempSync(join(tmpdir(), 'dvc-forms-reload-'));
cpSync(new URL('../../demo/server/forms/data/', import.meta.url), folder, { recursive: true });
process.env.FORMS_DIR = folder;
const { API, getJson, startTestBackend } = await import('./helpers.js');

let backend: Awaited<ReturnType<typeof startTestBackend>>;
before(async () => {
  backend = await startTestBackend();
});
after(async () => {
  await backend.close();
  rmSync(folder, { recursive: true, force: true });
});

const FILE = join(folder, 'ket-hon.json');
const form = () => getJson(`${backend.url}${API}/procedures/1.000894/form`, FormDefinition);

/** Waits (up to 5 s) until the form endpoint answers what `done` wants. */
async function until(done: (form: FormDefinition) => boolean): Promise<FormDefinition> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const current = await form();
    if (done(current) || Date.now() > deadline) return current;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

test('an edited form file is served without a restart; a broken edit is not', async () => {
  const original = JSON.parse(readFileSync(FILE, 'utf8')) as { title: string; version: number };
  assert.equal((await form()).title, 'Tờ khai đăng ký kết hôn');

  writeFileSync(FILE, JSON.stringify({ ...original, title: 'Tờ khai đăng ký kết hôn (mẫu mới)', version: 2 }));
  const edited = await until((current) => current.version === 2);
  assert.deepEqual([edited.version, edited.title], [2, 'Tờ khai đăng ký kết hôn (mẫu mới)']);

  writeFileSync(FILE, '{ "procedure": "1.000894", ');
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const kept = await form();
  assert.deepEqual([kept.version, kept.title], [2, 'Tờ khai đăng ký kết hôn (mẫu mới)']);
});
