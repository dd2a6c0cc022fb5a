/**
 * The open procedure lives in the page address as `?procedure=<code>`, so a
 * citizen can share or bookmark it, open a result in a new tab, and use the
 * phone's back button to return to the list. A procedure code is public
 * information; nothing personal ever goes into the address.
 */
import { passes } from '../../api/check.js';
import { ProcedureCode } from '../../api/generated/common.js';

const PARAM = 'procedure';

/** The procedure code in the current address, if it looks like one. */
export function procedureInAddress(): string | undefined {
  const code = new URL(location.href).searchParams.get(PARAM)?.trim();
  return code && passes(ProcedureCode, code) ? code : undefined;
}

/** This page's address with `code` open (or none), keeping the page's other parameters. */
export function procedureAddress(code: string | undefined): string {
  const url = new URL(location.href);
  if (code) url.searchParams.set(PARAM, code);
  else url.searchParams.delete(PARAM);
  return url.href;
}

export function setProcedureInAddress(code: string | undefined, mode: 'push' | 'replace'): void {
  const state = { ...(history.state as object | null), dvcProcedure: code };
  if (mode === 'push') history.pushState(state, '', procedureAddress(code));
  else history.replaceState(state, '', procedureAddress(code));
}
