/**
 * The dossier being filled, kept on the device so that nothing typed or
 * uploaded is lost to a reload, a dropped connection or a closed tab.
 *
 * Where: only with the citizen's consent in localStorage (it outlives the
 * tab, for `draft-hours`); without it in sessionStorage, which the browser
 * forgets when the tab is closed, so a commune office's shared computer
 * keeps nothing for the next person. Never in the address, never logged.
 *
 * Two tabs on the same procedure would overwrite each other's draft: a
 * BroadcastChannel tells each tab about the other (also a tab duplicated
 * with its sessionStorage), and the form stops saving until the citizen chooses.
 */
import type { Answers, DeliveryMethod, PersonApplicant } from '../../api/contract/index.js';
import type { FinishedUpload } from '../attachment-upload/file-upload.js';
import { randomToken } from '../shared/random-token.js';

export interface AddressDraft {
  street?: string;
  province?: string;
  commune?: string;
}

/** The applicant as typed: every field optional until checked. */
export interface ApplicantDraft {
  kind: 'person' | 'organisation';
  fullName?: string;
  birthDate?: string;
  sex?: PersonApplicant['sex'];
  personalId?: string;
  phone?: string;
  email?: string;
  address?: AddressDraft;
  name?: string;
  taxCode?: string;
  representative?: { fullName?: string; personalId?: string; position?: string };
}

export interface Draft {
  /** The dossier draft id the uploads carry (tus metadata `draft`). */
  id: string;
  /** The `Idempotency-Key` of this dossier, the same on every retry. */
  key: string;
  /**
   * The upload secret every attachment is sent with and the dossier is filed
   * with (contract/uploads.ts): it makes the uploads this browser's alone.
   */
  uploadSecret: string;
  procedure: string;
  /** The procedure's case chosen, where it has several filed online. */
  case?: string;
  /** Milliseconds since the epoch of the last save. */
  savedAt: number;
  /** The citizen agreed to keep the draft on this device (localStorage). */
  consent: boolean;
  step: number;
  applicant: ApplicantDraft;
  answers: Answers;
  uploads: Record<string, FinishedUpload[]>;
  delivery: { method?: DeliveryMethod; address?: AddressDraft };
  declaration: boolean;
}

export const newDraft = (procedure: string, kind: ApplicantDraft['kind'], consent = false): Draft => ({
  id: randomToken(),
  key: randomToken(),
  uploadSecret: randomToken(32),
  procedure,
  savedAt: Date.now(),
  consent,
  step: 0,
  applicant: { kind },
  answers: {},
  uploads: {},
  delivery: {},
  declaration: false,
});

/** A storage the page may use, or undefined (a sandboxed frame, some privacy modes). */
function store(name: 'localStorage' | 'sessionStorage'): Storage | undefined {
  try {
    const storage = window[name];
    storage.getItem('dvc-probe');
    return storage;
  } catch {
    return undefined;
  }
}

function parse(text: string | null | undefined): Draft | undefined {
  try {
    const draft = JSON.parse(text ?? 'null') as Draft | null;
    if (!draft || typeof draft.id !== 'string' || typeof draft.key !== 'string') return undefined;
    // A draft kept before uploads had secrets: its uploads are gone from the backend (migration 007), a new secret is needed.
    if (typeof draft.uploadSecret !== 'string') return { ...draft, uploadSecret: randomToken(32), uploads: {} };
    return draft;
  } catch {
    return undefined;
  }
}

/** Nothing typed yet: nothing to keep, and nothing to offer back on the next visit. */
export function isBlank(draft: Draft): boolean {
  const { kind: _kind, ...typed } = draft.applicant;
  return (
    !draft.step &&
    !Object.values(typed).some(Boolean) &&
    !Object.keys(draft.answers).length &&
    !Object.values(draft.uploads).some((list) => list.length)
  );
}

const PREFIX = 'dvc-dossier-draft:';
const keyOf = (procedure: string) => `${PREFIX}${procedure}`;
const expired = (draft: Draft, hours: number) => Date.now() - draft.savedAt > hours * 3_600_000;

/**
 * Removes the expired drafts of every procedure, whichever form page is
 * opened: a draft of a procedure the citizen never comes back to must not
 * stay on a shared computer beyond its hours.
 */
export function purgeExpiredDrafts(hours: number): void {
  for (const name of ['localStorage', 'sessionStorage'] as const) {
    const storage = store(name);
    for (const key of storage ? Object.keys(storage) : []) {
      const draft = key.startsWith(PREFIX) ? parse(storage!.getItem(key)) : undefined;
      if (draft && expired(draft, hours)) storage!.removeItem(key);
    }
  }
}

/** The kept draft of a procedure, unless it expired (then it is removed). */
export function readDraft(procedure: string, hours: number): Draft | undefined {
  for (const name of ['localStorage', 'sessionStorage'] as const) {
    const storage = store(name);
    const draft = parse(storage?.getItem(keyOf(procedure)));
    if (!draft) continue;
    if (!expired(draft, hours)) return draft;
    storage!.removeItem(keyOf(procedure));
  }
  return undefined;
}

/** Saves where the citizen agreed, and removes any copy from the other place. */
export function writeDraft(draft: Draft): void {
  draft.savedAt = Date.now();
  const [keep, drop] = draft.consent
    ? (['localStorage', 'sessionStorage'] as const)
    : (['sessionStorage', 'localStorage'] as const);
  try {
    store(keep)?.setItem(keyOf(draft.procedure), JSON.stringify(draft));
  } catch {
    // Storage full or refused: the form still works, only without keeping the draft.
  }
  store(drop)?.removeItem(keyOf(draft.procedure));
}

export function clearDraft(procedure: string): void {
  for (const name of ['localStorage', 'sessionStorage'] as const) store(name)?.removeItem(keyOf(procedure));
}

type Signal = { type: 'open' | 'here' | 'save'; procedure: string; tab: string };

/**
 * Tells other tabs that this one fills a procedure's dossier, and calls
 * `onOther` when another tab is filling, or saves, the same one.
 */
export class TabWatch {
  readonly tab = randomToken();
  private channel?: BroadcastChannel;
  active = false;

  constructor(
    private readonly procedure: string,
    private readonly onOther: () => void,
  ) {
    try {
      this.channel = new BroadcastChannel('dvc-dossier-form');
      this.channel.onmessage = ({ data }: MessageEvent<Signal>) => {
        if (data?.procedure !== this.procedure || data.tab === this.tab) return;
        if (data.type === 'open' && this.active) this.post('here');
        if (data.type !== 'open') this.onOther();
      };
    } catch {
      // No BroadcastChannel (very old browsers): each tab keeps saving, as before it existed.
    }
  }

  post(type: Signal['type']): void {
    this.channel?.postMessage({ type, procedure: this.procedure, tab: this.tab } satisfies Signal);
  }

  close(): void {
    this.channel?.close();
  }
}
