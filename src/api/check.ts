/**
 * The few building blocks of the browser's answer checks. The checks
 * themselves are written from the zod contract at build time
 * (`demo/scripts/generate-validators.ts`, into `generated/`): the same rules
 * as the contract's schemas, without zod's 10 KB in every widget page.
 * Plain closures, no `new Function` or `eval`, so a strict
 * Content-Security-Policy holds. The backend keeps zod, and
 * `test/backend/validators.test.ts` holds both to the same verdicts.
 */

/** What is wrong, and where: for the console, like zod's issues. */
export interface Issue {
  path: PropertyKey[];
  message: string;
}

/** Checks a value at `path`, adding what is wrong to `issues`. `T` is the type a value that passes has. */
export type Check<T> = ((value: unknown, path: PropertyKey[], issues: Issue[]) => void) & { readonly type?: T };

/** The type a check lets through. */
export type Checked<C> = C extends Check<infer T> ? T : never;

/** A comparison with a bound: `['>', 0]` is "positive". */
export type Bound = readonly ['>' | '>=' | '<' | '<=', number];

const within = (value: number, [operator, limit]: Bound): boolean =>
  operator === '>'
    ? value > limit
    : operator === '>='
      ? value >= limit
      : operator === '<'
        ? value < limit
        : value <= limit;

/** A check that adds `message` when `holds` is false. */
const rule =
  <T>(holds: (value: unknown) => boolean, message: string): Check<T> =>
  (value, path, issues) => {
    if (!holds(value)) issues.push({ path, message });
  };

/** Text, its length (in UTF-16 units, as zod counts) within `min`…`max`, matching `pattern` when given. */
export const text = (min = 0, max = Infinity, pattern?: RegExp): Check<string> =>
  rule(
    (value) =>
      typeof value === 'string' && value.length >= min && value.length <= max && (!pattern || pattern.test(value)),
    `expected text of ${min}–${max} characters${pattern ? ` matching ${pattern}` : ''}`,
  );

/** A finite number (a safe integer when `integer`), within every bound. */
export const number = (integer: boolean, ...bounds: Bound[]): Check<number> =>
  rule(
    (value) =>
      typeof value === 'number' &&
      (integer ? Number.isSafeInteger(value) : Number.isFinite(value)) &&
      bounds.every((bound) => within(value, bound)),
    `expected ${integer ? 'an integer' : 'a number'}${bounds.map((bound) => ` ${bound.join(' ')}`).join(',')}`,
  );

export const boolean: Check<boolean> = rule((value) => typeof value === 'boolean', 'expected true or false');

/** A check of one of a few values, which are at hand as `options` (for a list to choose from). */
export type Choice<T> = Check<T> & { readonly options: readonly T[] };

/** One of these values exactly (zod's literal and enum). */
export const oneOf = <const T extends readonly (string | number | boolean)[]>(...options: T): Choice<T[number]> =>
  Object.assign(
    rule<T[number]>((value) => options.includes(value as T[number]), `expected one of ${options.join(', ')}`),
    { options },
  );

export const optional =
  <T>(check: Check<T>): Check<T | undefined> =>
  (value, path, issues) =>
    value === undefined || check(value, path, issues);

export const nullable =
  <T>(check: Check<T>): Check<T | null> =>
  (value, path, issues) =>
    value === null || check(value, path, issues);

/** A list of `item`s, `min`…`max` long. */
export const list =
  <T>(item: Check<T>, min = 0, max = Infinity): Check<T[]> =>
  (value, path, issues) => {
    if (!Array.isArray(value) || value.length < min || value.length > max)
      return void issues.push({ path, message: `expected a list of ${min}–${max} items` });
    value.forEach((element, i) => item(element, [...path, i], issues));
  };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An object with these keys (others are let through, as zod strips them rather than refusing). */
export const object =
  <T>(shape: { [K in keyof T]: Check<T[K]> }): Check<T> =>
  (value, path, issues) => {
    if (!isRecord(value)) return void issues.push({ path, message: 'expected an object' });
    for (const key in shape) shape[key](value[key], [...path, key], issues);
  };

/** An object whose keys pass `key` and whose values pass `item`. */
export const record =
  <V>(key: Check<string>, item: Check<V>): Check<Record<string, V>> =>
  (value, path, issues) => {
    if (!isRecord(value)) return void issues.push({ path, message: 'expected an object' });
    for (const [name, element] of Object.entries(value)) {
      key(name, [...path, name], issues);
      item(element, [...path, name], issues);
    }
  };

/** True when `value` passes `check`. */
export const passes = <T>(check: Check<T>, value: unknown): value is T => issuesOf(check, value).length === 0;

/** Any of the options (zod's union and discriminated union, whose verdicts agree when the discriminators differ). */
export const anyOf =
  <T extends unknown[]>(...options: { [K in keyof T]: Check<T[K]> }): Check<T[number]> =>
  (value, path, issues) => {
    if (!options.some((option) => passes(option, value)))
      issues.push({ path, message: 'matches none of the allowed shapes' });
  };

/**
 * A value that passes `check` and then has none of the `problems` a rule of
 * the contract finds (zod's refinements: what the shape alone cannot say).
 */
export const refine =
  <T>(check: Check<T>, problems: (value: T) => { path: PropertyKey[]; message: string }[]): Check<T> =>
  (value, path, issues) => {
    const found = issuesOf(check, value);
    if (found.length === 0) found.push(...problems(value as T));
    issues.push(...found.map((issue) => ({ ...issue, path: [...path, ...issue.path] })));
  };

/** Everything wrong with `value`; none when it passes. */
export function issuesOf<T>(check: Check<T>, value: unknown): Issue[] {
  const issues: Issue[] = [];
  check(value, [], issues);
  return issues;
}
