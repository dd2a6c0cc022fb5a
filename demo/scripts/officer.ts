/**
 * `npm run officer -- <action> <code> [options]`: moves a dossier along its
 * lifecycle through the reference backend's officer endpoint, as a desk
 * officer would, for the demo and for trying the lookup widget by hand;
 * `attachments <code>` lists a dossier's files and `download <code> <id>`
 * saves one (the only way a citizen's file leaves the backend).
 *
 * Environment: DVC_API (default http://localhost:8080/api/v1) and
 * OFFICER_TOKEN (the officer's own token, or the demo backend's shared
 * one). `--help` lists the actions.
 *
 * `issue <name> --agency <code>[,…]`, `list` and `revoke <id>` manage
 * officers' credentials in the backend's database (DATABASE_URL, or the
 * embedded one in DATA_DIR, which the running backend holds: stop it first).
 */
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { ApiError, DossierView, OfficerAction, OfficerAttachmentList } from '../../src/api/contract/index.js';
import { statusLabel, TRANSITIONS } from '../server/dossiers/lifecycle.js';
import { issueCredential, listCredentials, revokeCredential } from '../server/officer/credentials.js';
import { normaliseDossierCode } from '../../src/api/contract/dossiers.js';
import { fail, withDatabase } from './database.js';

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  note: { type: 'string' },
  actor: { type: 'string' },
  reason: { type: 'string' },
  items: { type: 'string' },
  due: { type: 'string' },
  how: { type: 'string' },
  delivery: { type: 'string' },
  where: { type: 'string' },
  text: { type: 'string' },
  'new-date': { type: 'string' },
  agency: { type: 'string' },
} as const;

const USAGE = `Usage: npm run officer -- <action> <dossier code> [options]
       npm run officer -- attachments <dossier code>          list the dossier's files
       npm run officer -- download <dossier code> <upload id>  save one in the current folder
       npm run officer -- issue <officer name> --agency <code>[,<code>…]   a credential; prints its token once
       npm run officer -- list                                 the credentials issued
       npm run officer -- revoke <credential id>

Actions (status before → after):
${TRANSITIONS.map(({ action, from, to, step }) => `  ${action.padEnd(20)} ${from.join('/')} → ${to ?? 'unchanged'}  ${step}`).join('\n')}

Options:
  --note TEXT          a note for the citizen, shown in the lookup
  --actor NAME         who acts, kept in the history (demo token only: an officer's own credential names them)
  --reason TEXT        refuse, stop: why
  --items "a;b"        request-supplement: everything missing, separated by ";"
                       request-payment: "label=amount;label=amount" (amounts in đồng)
  --due DATE           request-supplement, request-payment: deadline, e.g. 2026-10-20T17:00:00+07:00
  --how TEXT           request-payment: how to pay
  --delivery METHOD    result-ready: online, post or desk
  --where TEXT         result-ready: where the result is delivered
  --text TEXT          apologise: the apology
  --new-date DATE      apologise: the new appointment, e.g. 2026-10-23T17:00:00+07:00

  --agency CODES       issue: the agency codes whose dossiers the officer handles, comma-separated

Environment: DVC_API (default http://localhost:8080/api/v1), OFFICER_TOKEN (the officer's token);
issue, list, revoke: DATABASE_URL, or DATA_DIR (default .data/) with the backend stopped.
Statuses: ${Array.from({ length: 10 }, (_, i) => `${i + 1} ${statusLabel(i + 1)}`).join(', ')}.`;

type Flags = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };

const list = (text: string | undefined): string[] =>
  (text ?? '')
    .split(';')
    .map((item) => item.trim())
    .filter(Boolean);

/** "Lệ phí=8000" → { label, amount }; an amount that is not a number is left for the contract check to name. */
function paymentItem(item: string): { label: string; amount: number } {
  const at = item.lastIndexOf('=');
  return {
    label: item.slice(0, at).trim(),
    amount: Number(
      item
        .slice(at + 1)
        .replaceAll('.', '')
        .trim(),
    ),
  };
}

/** The action's own fields, from the flags; the common ones (note, actor) are added by the caller. */
const FIELDS: Record<OfficerAction['action'], (flags: Flags) => Record<string, unknown>> = {
  receive: () => ({}),
  refuse: (flags) => ({ reason: flags.reason }),
  'request-supplement': (flags) => ({ items: list(flags.items), dueAt: flags.due }),
  'supplement-received': () => ({}),
  'request-payment': (flags) => ({ items: list(flags.items).map(paymentItem), how: flags.how, dueAt: flags.due }),
  'payment-received': () => ({}),
  process: () => ({}),
  'result-ready': (flags) => ({ delivery: { method: flags.delivery, where: flags.where } }),
  'return-result': () => ({}),
  stop: (flags) => ({ reason: flags.reason }),
  withdraw: () => ({}),
  apologise: (flags) => ({ text: flags.text, newAppointmentAt: flags['new-date'] }),
};

const isAction = (name: string): name is OfficerAction['action'] => Object.hasOwn(FIELDS, name);

function buildAction(name: string, flags: Flags): OfficerAction {
  if (!isAction(name)) fail(`Unknown action "${name}". (Thao tác không hợp lệ.)\n\n${USAGE}`);
  const checked = OfficerAction.safeParse({
    action: name,
    ...FIELDS[name](flags),
    note: flags.note,
    actor: flags.actor,
  });
  if (!checked.success) {
    const problems = checked.error.issues.map((issue) => `  ${issue.path.join('.') || name}: ${issue.message}`);
    fail(`The options do not make a valid "${name}" (see --help):\n${problems.join('\n')}`);
  }
  return checked.data;
}

/** A request to the officer routes of dossier `code` (`path` after it), with the token; fails with the backend's reason. */
async function officerRequest(code: string, path: string, init: RequestInit = {}): Promise<Response> {
  const base = (process.env.DVC_API ?? 'http://localhost:8080/api/v1').replace(/\/+$/, '');
  const response = await fetch(`${base}/officer/dossiers/${encodeURIComponent(code)}${path}`, {
    ...init,
    headers: { ...init.headers, Authorization: `Bearer ${process.env.OFFICER_TOKEN ?? ''}` },
  }).catch((error: unknown) =>
    fail(`Cannot reach ${base}: ${String(error)}. Is the backend running? (Không kết nối được máy chủ.)`),
  );
  if (response.ok) return response;
  const error = ApiError.safeParse(await response.json().catch(() => undefined));
  fail(
    `${response.status} ${error.success ? `${error.data.error.code}: ${error.data.error.message}` : response.statusText}` +
      signInHint(response.status, base),
  );
}

/** What an officer whose sign-in was refused should check: the token, then the backend's address. */
function signInHint(status: number, base: string): string {
  if (status !== 401) return '';
  const token = process.env.OFFICER_TOKEN
    ? 'OFFICER_TOKEN was refused: is it the token `npm run officer -- issue` printed, not revoked?'
    : 'Set OFFICER_TOKEN to your officer token (`npm run officer -- issue` prints one; Đặt biến OFFICER_TOKEN).';
  return `\n${token}\nThe backend asked is ${base} (set DVC_API to another one).`;
}

async function send(code: string, action: OfficerAction): Promise<DossierView> {
  const response = await officerRequest(code, '/actions', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(action),
  });
  return DossierView.parse(await response.json());
}

async function listAttachments(code: string): Promise<void> {
  const { attachments } = OfficerAttachmentList.parse(await (await officerRequest(code, '/attachments')).json());
  if (attachments.length === 0) console.log(`Hồ sơ ${code} không có tệp đính kèm.`);
  for (const file of attachments)
    console.log(`${file.id}  ${file.slot}  ${file.fileName}  (${file.fileType}, ${file.size} bytes)`);
}

/** Saves the file under its own name (already sanitised by the backend; `basename` once more all the same). */
async function download(code: string, id: string): Promise<void> {
  const { attachments } = OfficerAttachmentList.parse(await (await officerRequest(code, '/attachments')).json());
  const file = attachments.find((attachment) => attachment.id === id) ?? fail(`Hồ sơ ${code} không có tệp ${id}.`);
  const bytes = Buffer.from(await (await officerRequest(code, `/attachments/${encodeURIComponent(id)}`)).arrayBuffer());
  const name = basename(file.fileName);
  await writeFile(name, bytes, { flag: 'wx' }).catch(() =>
    fail(`Cannot write ${name}: does it exist already? (Không ghi được tệp.)`),
  );
  console.log(`Đã lưu ${name} (${bytes.length} bytes)`);
}

async function issue(name: string, agencyList: string | undefined): Promise<void> {
  const agencies = (agencyList ?? '')
    .split(',')
    .map((code) => code.trim())
    .filter(Boolean);
  if (!name.trim() || agencies.length === 0) fail(`Give the officer's name and --agency <code>[,<code>…].\n\n${USAGE}`);
  await withDatabase(async (db) => {
    const { id, token } = await issueCredential(db, name.trim(), agencies);
    console.log(`Đã cấp quyền số ${id} cho ${name.trim()} (${agencies.join(', ')}).`);
    console.log('Token (shown once only, give it to the officer; chỉ hiện một lần):');
    console.log(token);
  });
}

async function listIssued(): Promise<void> {
  await withDatabase(async (db) => {
    const credentials = await listCredentials(db);
    if (credentials.length === 0) console.log('Chưa cấp quyền nào. (No credentials issued.)');
    for (const c of credentials)
      console.log(
        `${c.id}  ${c.officerName}  ${c.agencies.join(',')}  issued ${c.issuedAt.toISOString()}${c.revokedAt ? `  REVOKED ${c.revokedAt.toISOString()}` : ''}`,
      );
  });
}

async function revoke(id: string): Promise<void> {
  if (!/^\d+$/.test(id)) fail(`A credential id is a number (see npm run officer -- list), got "${id}".`);
  await withDatabase(async (db) => {
    if (!(await revokeCredential(db, Number(id)))) fail(`No credential ${id} to revoke (or it already is).`);
    console.log(`Đã thu hồi quyền số ${id}. (Credential ${id} revoked.)`);
  });
}

// An upload id may begin with "-" (base64url), which parseArgs would take for an option; `download`
// takes no options, so its arguments are read as they are.
const argv = process.argv.slice(2);
const { values: flags, positionals } =
  argv[0] === 'download'
    ? { values: {} as Flags, positionals: argv }
    : parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
if (flags.help || positionals.length === 0) {
  console.log(USAGE);
} else if (positionals[0] === 'issue' && positionals.length === 2) {
  await issue(positionals[1]!, flags.agency);
} else if (positionals[0] === 'list' && positionals.length === 1) {
  await listIssued();
} else if (positionals[0] === 'revoke' && positionals.length === 2) {
  await revoke(positionals[1]!);
} else if (positionals[0] === 'attachments' && positionals.length === 2) {
  await listAttachments(normaliseDossierCode(positionals[1]!));
} else if (positionals[0] === 'download' && positionals.length === 3) {
  await download(normaliseDossierCode(positionals[1]!), positionals[2]!);
} else {
  const [name, code] = positionals;
  if (!code || positionals.length > 2) fail(`Give one action and one dossier code.\n\n${USAGE}`);
  const view = await send(normaliseDossierCode(code), buildAction(name!, flags));
  console.log(`Hồ sơ ${view.code}: ${view.status.label} (trạng thái ${view.status.code})`);
  if (view.appointmentAt) console.log(`Hẹn trả kết quả: ${view.appointmentAt}${view.onTime ? '' : ' (quá hạn)'}`);
  if (view.apology) console.log(`Hẹn lại: ${view.apology.newAppointmentAt}`);
}
