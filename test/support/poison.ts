/**
 * Puts a payload into every string of a backend answer that the contract
 * lets carry free text. A string the contract constrains (a code, a date)
 * cannot carry one: the widget would refuse the answer as malformed, which
 * is its own, tested, behaviour. So each string is replaced, the answer
 * checked against the contract, and the replacement kept only if it passes.
 */
import type * as z from 'zod/mini';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Every path to a string leaf of `value`. */
function stringPaths(value: Json, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringPaths(item, [...path, i]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => stringPaths(item, [...path, key]));
  return [];
}

function setAt(root: Json, path: (string | number)[], text: string): void {
  const parent = path.slice(0, -1).reduce<Json>((node, key) => (node as Record<string | number, Json>)[key]!, root);
  (parent as Record<string | number, Json>)[path.at(-1)!] = text;
}

/**
 * A copy of `answer` with `payload` in every free-text string; also returns
 * how many strings carry it. Strings under a key in `keep` stay as they are:
 * identifiers a test needs unchanged (an option's value that a draft chose).
 */
export function poison<T>(
  schema: z.ZodMiniType,
  answer: T,
  payload: string,
  keep: readonly string[] = [],
): { value: T; poisoned: number } {
  const copy = structuredClone(answer) as Json;
  let poisoned = 0;
  for (const path of stringPaths(copy)) {
    if (keep.includes(String(path.at(-1)))) continue;
    const original = path.reduce<Json>((node, key) => (node as Record<string | number, Json>)[key]!, copy) as string;
    setAt(copy, path, payload);
    if (schema.safeParse(copy).success) poisoned += 1;
    else setAt(copy, path, original);
  }
  return { value: copy as T, poisoned };
}
