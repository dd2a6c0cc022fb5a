/**
 * Reusable parts of e-form files (a person's block, a scanned document
 * slot, the ethnic groups…), written once in `FORMS_DIR/parts/` and
 * referenced from forms instead of copied: this module replaces each
 * reference by the part, so that a form file becomes a plain
 * `FormDefinition`. The syntax (documented in demo/server/README.md):
 *
 *   { "use": "person", "with": { "prefix": "me", "whose": "của người mẹ" } }
 *
 * - `use` names a part (its file name without `.json`); `with` gives its
 *   parameters (any JSON; those left out take the part's default).
 * - In a part's `body`, a string that is exactly `{{name}}` becomes the
 *   parameter's value; `{{name}}` inside a longer string is replaced by it.
 *   A property or list item whose whole value is a parameter without a
 *   value (`null`) is left out.
 * - A reference in a list whose part is a list is spliced into it (six
 *   fields of a person among a section's fields).
 * - Other properties beside `use` and `with` override the part's (an object):
 *   `{ "use": "scan-slot", "slot": "giay-chung-sinh", "name": "…" }`.
 *
 * Every value keeps where it was written (file, path, and the form's
 * reference when it came from a part), so that a problem found after the
 * expansion is reported at the place the operator has to edit.
 */

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
export type Path = (string | number)[];

/** Where a value was written; `usedAt` is the reference that brought it, when it is in a part. */
export interface Origin {
  file: string;
  path: Path;
  usedAt?: Origin;
  /** A reference with overrides: the object is the part's with the form's properties over it. */
  part?: string;
  /** With `part`: the properties that came from the part, and where the part wrote them. */
  inherited?: { keys: string[]; origin: Origin };
}

export interface Part {
  name: string;
  file: string;
  /** Each parameter with its default; `null`: no value unless given. */
  params: JsonObject;
  body: Json;
}

export interface Problem {
  origin: Origin;
  message: string;
}

/** Keys that annotate a file and are never part of a definition. */
export const NOTE_KEYS = new Set(['$comment', '$schema']);

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
const WHOLE_PLACEHOLDER = /^\{\{([^{}]*)\}\}$/;
/** A value to leave out: a placeholder of a parameter without value, or a reference that failed. */
const OMIT = Symbol('omit');
type Expanded = Json | typeof OMIT;

interface Context {
  file: string;
  path: Path;
  usedAt?: Origin;
  /** The parameters of the part being expanded; none in a form file. */
  params?: JsonObject;
  partName?: string;
  /** The parts being expanded, outermost first (a loop is reported once, by the folder check). */
  stack: string[];
}

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The parts (by name) that `value` references, anywhere inside it. */
export function partsUsed(value: Json): string[] {
  if (Array.isArray(value)) return value.flatMap(partsUsed);
  if (!isObject(value)) return [];
  const own = typeof value.use === 'string' ? [value.use] : [];
  return [...own, ...Object.values(value).flatMap(partsUsed)];
}

export class Expansion {
  readonly problems: Problem[] = [];
  readonly origins = new WeakMap<object, Origin>();

  constructor(private readonly parts: ReadonlyMap<string, Part>) {}

  /** The document of `file` with every reference replaced by its part. */
  document(file: string, value: Json): Json {
    const result = this.value(value, { file, path: [], stack: [] });
    return result === OMIT ? null : result;
  }

  private origin(context: Context): Origin {
    return {
      file: context.file,
      path: context.path,
      ...(context.usedAt && { usedAt: context.usedAt }),
    };
  }

  private problem(context: Context, message: string): typeof OMIT {
    this.problems.push({ origin: this.origin(context), message });
    return OMIT;
  }

  private at(context: Context, key: string | number): Context {
    return { ...context, path: [...context.path, key] };
  }

  private value(value: Json, context: Context): Expanded {
    if (typeof value === 'string') return this.text(value, context);
    if (Array.isArray(value)) return this.list(value, context);
    if (isObject(value)) return 'use' in value ? this.reference(value, context) : this.object(value, context);
    return value;
  }

  private recorded<T extends object>(value: T, origin: Origin): T {
    this.origins.set(value, origin);
    return value;
  }

  private text(value: string, context: Context): Expanded {
    const { params } = context;
    if (!params || !value.includes('{{')) return value;
    const whole = WHOLE_PLACEHOLDER.exec(value);
    if (whole) {
      const name = whole[1]!;
      if (!(name in params)) return this.unknownParameter(name, context);
      return params[name] ?? OMIT;
    }
    let broken = false;
    const text = value.replace(PLACEHOLDER, (_, name: string) => {
      const given = params[name];
      if (typeof given === 'string' || typeof given === 'number') return String(given);
      broken = true;
      if (!(name in params)) this.unknownParameter(name, context);
      else this.problem(context, `parameter "${name}" of part "${context.partName}" has no text to put in "${value}"`);
      return '';
    });
    return broken ? OMIT : text;
  }

  private unknownParameter(name: string, context: Context): typeof OMIT {
    const known = Object.keys(context.params ?? {}).join(', ') || 'none';
    return this.problem(context, `part "${context.partName}" has no parameter "${name}" (its parameters: ${known})`);
  }

  private list(value: Json[], context: Context): Expanded {
    const items: Json[] = [];
    value.forEach((item, i) => {
      const result = this.value(item, this.at(context, i));
      if (result === OMIT) return;
      const spliced = Array.isArray(result) && (isObject(item) ? 'use' in item : typeof item === 'string');
      if (spliced) items.push(...result);
      else items.push(result);
    });
    return this.recorded(items, this.origin(context));
  }

  private object(value: JsonObject, context: Context): Expanded {
    const entries: [string, Json][] = [];
    for (const [key, item] of Object.entries(value)) {
      if (NOTE_KEYS.has(key)) continue;
      const result = this.value(item, this.at(context, key));
      if (result !== OMIT) entries.push([key, result]);
    }
    return this.recorded(Object.fromEntries(entries), this.origin(context));
  }

  private reference(value: JsonObject, context: Context): Expanded {
    const { use, with: given = {}, ...rest } = value;
    const overrides = Object.fromEntries(Object.entries(rest).filter(([key]) => !NOTE_KEYS.has(key)));
    const part = typeof use === 'string' ? this.parts.get(use) : undefined;
    if (!part) {
      const known = [...this.parts.keys()].sort().join(', ') || 'none';
      return this.problem(this.at(context, 'use'), `no part named ${JSON.stringify(use)} (parts: ${known})`);
    }
    if (context.stack.includes(part.name)) return OMIT;
    const params = this.parameters(part, given, context);
    if (!params) return OMIT;
    const body = this.value(part.body, {
      file: part.file,
      path: ['body'],
      usedAt: this.origin(context),
      params,
      partName: part.name,
      stack: [...context.stack, part.name],
    });
    return Object.keys(overrides).length ? this.overridden(part, body, overrides, context) : body;
  }

  /** The part's parameters: those given (expanded where they are written), the others' defaults (in the part). */
  private parameters(part: Part, given: Json, context: Context): JsonObject | undefined {
    if (!isObject(given)) return void this.problem(this.at(context, 'with'), 'must be an object of parameters');
    const unknown = Object.keys(given).filter((name) => !(name in part.params));
    for (const name of unknown) {
      const known = Object.keys(part.params).join(', ') || 'none';
      this.problem(
        this.at(this.at(context, 'with'), name),
        `part "${part.name}" has no parameter "${name}" (its parameters: ${known})`,
      );
    }
    if (unknown.length) return undefined;
    const defaults: Context = {
      file: part.file,
      path: ['params'],
      usedAt: this.origin(context),
      stack: [...context.stack, part.name],
    };
    const entries = Object.entries(part.params).map(([name, fallback]): [string, Json] => {
      const result =
        name in given
          ? this.value(given[name]!, this.at(this.at(context, 'with'), name))
          : this.value(fallback, this.at(defaults, name));
      return [name, result === OMIT ? null : result];
    });
    return Object.fromEntries(entries);
  }

  private overridden(part: Part, body: Expanded, overrides: JsonObject, context: Context): Expanded {
    if (!isObject(body)) {
      return this.problem(context, `part "${part.name}" is not an object: only "use" and "with" can be given`);
    }
    const own = this.object(overrides, context);
    if (own === OMIT || !isObject(own)) return OMIT;
    const inherited = { keys: Object.keys(body).filter((key) => !(key in own)), origin: this.origins.get(body)! };
    return this.recorded({ ...body, ...own }, { ...this.origin(context), part: part.name, inherited });
  }
}
