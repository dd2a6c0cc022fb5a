/**
 * Life events (`data/life-events.json`): browsing the catalogue without
 * typing, by what is happening in the citizen's life ("Có con nhỏ", "Người
 * thân qua đời"…), as the national portal groups procedures. Kept as data
 * so that an operator can regroup them; each event names procedures by
 * national code, and a code the catalogue lacks is simply not listed, so
 * one file serves communes with different catalogues. Checked at start
 * with the event named: a file that silently lost an event would leave a
 * browse button that shows nothing. Read at start by `search-data.ts`; no
 * file access here, so the stories' in-browser backend uses the same code.
 */
import * as z from 'zod/mini';
import { Slug, ProcedureCode, Text } from '../../../src/api/contract/index.js';

const LifeEventFile = z.object({
  about: z.optional(z.string()),
  events: z.array(
    z.object({
      code: Slug,
      name: Text,
      procedures: z.array(ProcedureCode).check(z.minLength(1)),
      source: z.string().check(z.minLength(1)),
    }),
  ),
});

export type LifeEvent = z.infer<typeof LifeEventFile>['events'][number];

/** Parses and checks a life-event file's text; `name` names it in errors. */
export function parseLifeEvents(text: string, name: string): LifeEvent[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`Life events, ${name}: not JSON (${(error as Error).message})`, { cause: error });
  }
  const result = LifeEventFile.safeParse(json);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.code}`);
    throw new Error(`Life events, ${name}: ${issues.join('; ')}`);
  }
  const codes = new Set<string>();
  for (const event of result.data.events) {
    if (codes.has(event.code)) throw new Error(`Life events, ${name}: event ${event.code} appears twice`);
    codes.add(event.code);
  }
  return result.data.events;
}
