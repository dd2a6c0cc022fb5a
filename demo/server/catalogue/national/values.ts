/**
 * Every value the national procedure database hands us (its JSON answers,
 * its Excel export) is untrusted: it may carry HTML, stray control
 * characters, decomposed (NFD) Vietnamese, megabytes of text, or a code of
 * the wrong shape. These checks turn each into clean NFC text of a bounded
 * length, or a {@link CatalogueError} that names where it was read (a JSON
 * path, or an Excel row and column), so that nothing half-checked reaches
 * the catalogue citizens search.
 */
import { CatalogueError } from '../seed/index.js';

/** Longest name, field or agency we accept: real ones are under 500 characters. */
export const NAME_LIMIT = 1000;
/** Longest step or document text (the contract's Text limit). */
export const TEXT_LIMIT = 4000;

/** A national code `1.001193`, or one with a local suffix: `1.001193.000.00.00.H37`. */
const PROCEDURE_CODE = /^(\d\.\d{6})(?:\.([A-Za-z0-9][A-Za-z0-9.]{0,39}))?$/;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * `value` as plain text: HTML tags dropped (the national steps come as
 * paragraphs), common entities decoded, control characters removed,
 * white space collapsed, NFC. Empty text becomes undefined.
 */
export function plainText(value: unknown, where: string, limit = NAME_LIMIT): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new CatalogueError(`${where}: expected text, found ${Array.isArray(value) ? 'a list' : typeof value}`);
  }
  const text = String(value)
    .replace(/<(?:br|\/p|\/li|\/div)\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|apos|nbsp);/g, (_, name: string) => ENTITIES[name]!)
    .replace(/&#(\d{1,6});/g, (_, digits: string) => String.fromCodePoint(Math.min(Number(digits), 0x10ffff)))
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b\ufeff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .normalize('NFC');
  if (text.length > limit) {
    throw new CatalogueError(`${where}: ${text.length} characters, more than the ${limit} a value may hold`);
  }
  return text || undefined;
}

/** Like {@link plainText}, but the value must be there. */
export function requiredText(value: unknown, where: string, limit = NAME_LIMIT): string {
  const text = plainText(value, where, limit);
  if (text === undefined) throw new CatalogueError(`${where}: missing (empty or absent)`);
  return text;
}

/** A checked procedure code and the agency code its local suffix names, if it has one. */
export function procedureCode(value: unknown, where: string): { code: string; agencyCode?: string } {
  const text = requiredText(value, where, 64);
  const match = PROCEDURE_CODE.exec(text);
  if (!match) {
    throw new CatalogueError(
      `${where}: "${text}" is not a procedure code (expected like 1.001193, or 1.001193.000.00.00.H37 with a local suffix)`,
    );
  }
  return { code: text, ...(match[2] && { agencyCode: match[2] }) };
}

/**
 * Converts every entry with `convert`, gathering the problems of all of them
 * (the first 20 named) instead of stopping at the first, so that an operator
 * fixes a file in one go; throws if there was any.
 */
export function convertAll<T, R>(name: string, entries: readonly T[], convert: (entry: T, index: number) => R): R[] {
  const problems: string[] = [];
  const converted: R[] = [];
  entries.forEach((entry, index) => {
    try {
      converted.push(convert(entry, index));
    } catch (error) {
      if (!(error instanceof CatalogueError)) throw error;
      problems.push(error.message);
    }
  });
  if (problems.length > 0) {
    const named = problems.slice(0, 20).map((problem) => `  ${problem}`);
    if (problems.length > 20) named.push(`  … and ${problems.length - 20} more`);
    throw new CatalogueError(`${name}: ${problems.length} problem(s)\n${named.join('\n')}`);
  }
  return converted;
}
