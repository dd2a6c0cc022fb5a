/**
 * Writes the browser's checks of the backend's answers (`src/api/generated/`)
 * from the zod contract, so that the widgets check every answer with the
 * contract's own rules without carrying zod (about 10 KB of each page, half
 * the search box's budget). The backend keeps zod.
 *
 * Checked: every answer of an endpoint a citizen's widget calls (not the
 * officer's), the error body, and the few schemas a widget applies to what
 * a citizen or a link gives it. Each contract module gets a generated module
 * of the same name, so that a widget's chunk carries only its own checks, as
 * with the schemas before; the checks only a view loaded on demand makes (a
 * procedure's detail) get a module of their own (ON_DEMAND), so that the
 * widget's first chunk does not carry them. A schema the contract exports
 * keeps its name; one used twice without a name gets a local one.
 *
 * `npx tsx demo/scripts/generate-validators.ts` rewrites the files;
 * `--check` (in `npm run lint`) fails when they are not what the contract gives.
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import type * as z from 'zod/mini';
import { ApiError, ProcedureCode } from '../../src/api/contract/common.js';
import { OnlineLevel, ProcedureDetail } from '../../src/api/contract/catalogue.js';
import { DossierCode } from '../../src/api/contract/dossiers.js';
import { endpoints, type EndpointEntry } from '../../src/api/contract/endpoints.js';
import { FormDefinition } from '../../src/api/contract/forms.js';

const CONTRACT = fileURLToPath(new URL('../../src/api/contract/', import.meta.url));
const OUT = fileURLToPath(new URL('../../src/api/generated/', import.meta.url));

/** The schemas the browser checks. */
const ROOTS: z.ZodMiniType[] = [
  ...Object.values<EndpointEntry>(endpoints)
    .filter((endpoint) => endpoint.auth !== 'officer')
    .map((endpoint) => endpoint.response),
  ApiError,
  ProcedureCode,
  DossierCode,
  OnlineLevel,
];

/**
 * Roots a widget checks only in a view it loads on demand, and the generated
 * module of the schemas no other root uses: the search box's detail view loads
 * when a procedure is first opened, with its checks.
 */
const ON_DEMAND = new Map<z.ZodMiniType, string>([[ProcedureDetail, 'catalogue-detail']]);

/** Each zod refinement of a checked schema, and the contract's function (zod-free) that finds its problems. */
const REFINEMENTS = new Map<z.ZodMiniType, { module: string; name: string }>([
  [FormDefinition, { module: 'definition-rules', name: 'definitionProblems' }],
]);

// zod's definitions, as far as the generator reads them.
interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  format?: string;
  shape?: Record<string, Schema>;
  innerType?: Schema;
  element?: Schema;
  options?: Schema[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  keyType?: Schema;
  valueType?: Schema;
  pattern?: RegExp;
}
interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
}
type Schema = { _zod: { def: Def } };

const defOf = (schema: unknown): Def => (schema as Schema)._zod.def;

/** Where each exported schema of the contract is defined: `module` and `name`. */
async function exportedSchemas(): Promise<Map<unknown, { module: string; name: string }>> {
  const names = new Map<unknown, { module: string; name: string }>();
  const files = readdirSync(CONTRACT).filter((file) => file.endsWith('.ts') && file !== 'index.ts');
  for (const file of files) {
    const module = file.replace(/\.ts$/, '');
    const exports = (await import(`${CONTRACT}${file}`)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports))
      if (value && typeof value === 'object' && '_zod' in value && !names.has(value))
        names.set(value, { module, name });
  }
  return names;
}

/** One generated module: its imports and its declarations in the order they must run. */
interface Output {
  /** The contract module its named schemas come from. */
  contract: string;
  checks: Set<string>;
  imports: Map<string, Set<string>>;
  declarations: string[];
  declared: Set<unknown>;
}

class Generator {
  readonly outputs = new Map<string, Output>();
  private readonly uses = new Map<unknown, number>();
  private readonly locals = new Map<unknown, string>();
  /** The generated module of each schema only a root of ON_DEMAND uses. */
  private readonly onDemand = new Map<unknown, string>();

  constructor(private readonly names: Map<unknown, { module: string; name: string }>) {}

  private output(module: string, contract = module): Output {
    let output = this.outputs.get(module);
    if (!output) {
      output = { contract, checks: new Set(), imports: new Map(), declarations: [], declared: new Set() };
      this.outputs.set(module, output);
    }
    return output;
  }

  /** Counts how often each schema is met, so that one used twice is declared once. */
  count(schema: unknown): void {
    const seen = this.uses.get(schema) ?? 0;
    this.uses.set(schema, seen + 1);
    if (seen > 0) return;
    const def = defOf(schema);
    innerSchemas(def).forEach((inner) => this.count(inner));
  }

  /** Sends the schemas only a root of ON_DEMAND uses to that root's module. */
  placeOnDemand(roots: unknown[]): void {
    const others = roots.filter((root) => !ON_DEMAND.has(root as z.ZodMiniType));
    const elsewhere = new Set(others.flatMap((root) => [...reachable(root)]));
    for (const [root, module] of ON_DEMAND)
      for (const schema of reachable(root)) if (!elsewhere.has(schema)) this.onDemand.set(schema, module);
  }

  /** Declares a named (or twice-used) schema, after what it uses, and imports it into `module` (by default its home). */
  declare(schema: unknown, module = this.onDemand.get(schema) ?? this.names.get(schema)?.module ?? 'common'): string {
    const named = this.names.get(schema);
    const name = named?.name ?? this.locals.get(schema) ?? `shape${this.locals.size + 1}`;
    const home = this.onDemand.get(schema) ?? named?.module ?? module;
    this.locals.set(schema, name);
    const output = this.output(home, named?.module);
    if (!output.declared.has(schema)) {
      output.declared.add(schema);
      const body = this.expression(schema, home, true);
      const kind = defOf(schema).type === 'enum' ? 'Choice' : 'Check';
      if (named) this.output(home).checks.add(`type ${kind}`);
      const type = named ? `: ${kind}<z.infer<typeof C.${name}>>` : '';
      output.declarations.push(`${named ? 'export ' : ''}const ${name}${type} = /* @__PURE__ */ ${body};`);
    }
    if (home !== module) this.importFrom(module, `./${home}.js`, name);
    return name;
  }

  private importFrom(module: string, from: string, name: string): void {
    const imports = this.output(module).imports;
    imports.set(from, (imports.get(from) ?? new Set()).add(name));
  }

  /** The code of a check for `schema`, used in `module`. */
  private expression(schema: unknown, module: string, declaring = false): string {
    if (!declaring && (this.names.has(schema) || ((this.uses.get(schema) ?? 0) > 1 && isComposite(schema))))
      return this.declare(schema, module);
    const def = defOf(schema);
    const check = (name: string, ...args: string[]): string => {
      this.output(module).checks.add(name);
      return `${name}(${args.join(', ')})`;
    };
    const inner = (value: unknown): string => this.expression(value, module);
    const refinement = REFINEMENTS.get(schema as z.ZodMiniType);
    const custom = def.checks?.some((c) => c._zod.def.check === 'custom');
    if (custom && !refinement) throw new Error(`a refinement in ${this.describe(schema)} has no entry in REFINEMENTS`);
    if (refinement) {
      this.importFrom(module, `../contract/${refinement.module}.js`, refinement.name);
      const plain = { _zod: { def: { ...def, checks: def.checks?.filter((c) => c._zod.def.check !== 'custom') } } };
      return check('refine', this.expression(plain, module, true), refinement.name);
    }
    switch (def.type) {
      case 'string':
        return check('text', ...lengths(def));
      case 'number':
        return check('number', String(def.format === 'safeint'), ...bounds(def));
      case 'boolean':
        this.output(module).checks.add('boolean');
        return 'boolean';
      case 'enum':
        return check('oneOf', ...Object.values(def.entries!).map((value) => JSON.stringify(value)));
      case 'literal':
        return check('oneOf', ...def.values!.map((value) => JSON.stringify(value)));
      case 'optional':
        return check('optional', inner(def.innerType));
      case 'nullable':
        return check('nullable', inner(def.innerType));
      case 'array':
        return check('list', inner(def.element), ...lengths(def));
      case 'object':
        only(def, [], this.describe(schema));
        return check(
          'object',
          `{ ${Object.entries(def.shape!)
            .map(([key, value]) => `${JSON.stringify(key)}: ${inner(value)}`)
            .join(', ')} }`,
        );
      case 'record':
        only(def, [], this.describe(schema));
        return check('record', inner(def.keyType), inner(def.valueType));
      case 'union':
        only(def, [], this.describe(schema));
        return check('anyOf', ...def.options!.map(inner));
      default:
        throw new Error(`zod type "${def.type}" in ${this.describe(schema)} has no browser check: add it to check.ts`);
    }
  }

  private describe(schema: unknown): string {
    return this.names.get(schema)?.name ?? 'a schema without a name';
  }
}

/** The schemas inside `schema`, and itself. */
function reachable(schema: unknown, found = new Set<unknown>()): Set<unknown> {
  if (found.has(schema)) return found;
  found.add(schema);
  innerSchemas(defOf(schema)).forEach((inner) => reachable(inner, found));
  return found;
}

/** The schemas a schema is made of, one level down. */
const innerSchemas = (def: Def): Schema[] =>
  [
    def.innerType,
    def.element,
    def.keyType,
    def.valueType,
    ...(def.options ?? []),
    ...Object.values(def.shape ?? {}),
  ].filter((inner): inner is Schema => Boolean(inner));

const isComposite = (schema: unknown): boolean => ['object', 'union', 'record'].includes(defOf(schema).type);

/** A schema's checks must all be among `allowed`. */
function only(def: Def, allowed: string[], where: string): void {
  const other = def.checks?.find((c) => !allowed.includes(c._zod.def.check));
  if (other) throw new Error(`check "${other._zod.def.check}" in ${where} has no browser check: add it to check.ts`);
}

/** `text(min, max, pattern)` or `list(item, min, max)` arguments from the length checks and the one pattern. */
function lengths(def: Def): string[] {
  only(def, ['min_length', 'max_length', 'string_format'], def.type);
  const find = (name: string) => def.checks?.map((c) => c._zod.def).find((c) => c.check === name);
  const patterns = def.checks?.filter((c) => c._zod.def.check === 'string_format') ?? [];
  if (patterns.length > 1 || patterns.some((c) => c._zod.def.format !== 'regex'))
    throw new Error('a string with more than one pattern, or a format other than regex, has no browser check');
  const pattern = patterns[0]?._zod.def.pattern;
  const args = [String(find('min_length')?.minimum ?? 0), String(find('max_length')?.maximum ?? 'Infinity')];
  if (pattern) return [...args, String(pattern)];
  // The defaults (0, Infinity) go unwritten.
  return args[1] !== 'Infinity' ? args : args[0] !== '0' ? [args[0]!] : [];
}

/** `number(integer, …bounds)` bounds from the comparison checks. */
function bounds(def: Def): string[] {
  only(def, ['greater_than', 'less_than'], 'number');
  return (def.checks ?? []).map(({ _zod: { def: c } }) => {
    const operator = `${c.check === 'greater_than' ? '>' : '<'}${c.inclusive ? '=' : ''}`;
    return `['${operator}', ${c.value}]`;
  });
}

/** Imports in alphabetical order, types among the values. */
const byName = (a: string, b: string): number => a.replace('type ', '').localeCompare(b.replace('type ', ''));

function render(output: Output): string {
  const imports = [...output.imports].map(
    ([from, names]) => `import { ${[...names].sort(byName).join(', ')} } from '${from}';`,
  );
  return [
    `// Generated by demo/scripts/generate-validators.ts from src/api/contract/${output.contract}.ts: do not edit.`,
    "import type * as z from 'zod/mini';",
    `import type * as C from '../contract/${output.contract}.js';`,
    `import { ${[...output.checks].sort(byName).join(', ')} } from '../check.js';`,
    ...imports,
    '',
    ...output.declarations,
    '',
  ].join('\n');
}

async function generate(): Promise<Map<string, string>> {
  const generator = new Generator(await exportedSchemas());
  ROOTS.forEach((root) => generator.count(root));
  generator.placeOnDemand(ROOTS);
  ROOTS.forEach((root) => generator.declare(root));
  const options = { ...(await resolveConfig(`${OUT}x.ts`)), parser: 'typescript' };
  const files = new Map<string, string>();
  for (const [module, output] of generator.outputs) files.set(`${module}.ts`, await format(render(output), options));
  return files;
}

const files = await generate();
if (process.argv.includes('--check')) {
  const stale = [...files].filter(([file, text]) => {
    try {
      return readFileSync(`${OUT}${file}`, 'utf8') !== text;
    } catch {
      return true;
    }
  });
  const extra = readdirSync(OUT).filter((file) => !files.has(file));
  if (stale.length || extra.length) {
    console.error(
      `src/api/generated/ is not what the contract gives (${[...stale.map(([file]) => file), ...extra].join(', ')}): run npx tsx demo/scripts/generate-validators.ts`,
    );
    process.exitCode = 1;
  }
} else {
  mkdirSync(OUT, { recursive: true });
  for (const [file, text] of files) writeFileSync(`${OUT}${file}`, text);
  console.log(`src/api/generated/: ${[...files.keys()].join(', ')} written`);
}
