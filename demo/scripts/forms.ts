/**
 * `npm run forms -- check [<folder>]`: checks an e-forms folder the way the
 * backend does when it starts (demo/server/forms/read.ts), without starting
 * it, so that an operator finds a broken form before a deploy rather than
 * from a backend that refuses to start. Lists each form; on problems, prints
 * every one (file, path inside it, what is wrong) and exits with 1.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readFormsFolder } from '../server/forms/folder.js';
import { FORMS_DIR } from '../server/forms/index.js';
import { FormsFolderError } from '../server/forms/read.js';
import { fail } from './database.js';

const USAGE = `Usage: npm run forms -- check [<folder>]   check an e-forms folder (default: FORMS_DIR, or the demo's)

A form is a JSON file (its name is the form's id) with reusable parts in <folder>/parts/;
demo/server/README.md ("E-forms") describes the format.`;

function check(folder: string): void {
  try {
    const { byId, files } = readFormsFolder(folder);
    console.log(`Forms folder ${folder}: ${byId.size} forms, no problem.`);
    for (const [id, form] of byId) {
      const fields = form.sections.reduce((sum, section) => sum + section.fields.length, 0);
      console.log(`  ${id}  ${form.procedure} v${form.version}  ${form.title} (${fields} fields; ${files.get(id)})`);
    }
  } catch (error) {
    if (error instanceof FormsFolderError) fail(error.message);
    throw error;
  }
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { help: { type: 'boolean', short: 'h' } },
});
const [command, folder] = positionals;
if (values.help || !command) console.log(USAGE);
else if (command === 'check' && positionals.length <= 2) check(folder ? resolve(folder) : FORMS_DIR);
else fail(`Unknown command "${positionals.join(' ')}".\n${USAGE}`);
