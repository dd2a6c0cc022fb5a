/**
 * Checks on the numbers a commune desk checks by eye: the 12-digit personal
 * ID (CCCD), a tax code (MST), a mobile number. Pure functions shared by the
 * form widget (which tells the citizen at once) and the reference backend
 * (which checks again, because a request can come from anywhere).
 *
 * Each returns the reason a value is wrong, as a stable code the widgets
 * translate, or `undefined` when it is right. The rules are in
 * `../shared/DOMAIN.md` §6.
 */

/**
 * The first three digits of a personal ID: the province where the birth was
 * registered, in the 63 province codes that were in force before the 2025
 * merger (IDs already issued keep them):
 *   001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033
 *   034 035 036 037 038 040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066
 *   067 068 070 072 074 075 077 079 080 082 083 084 086 087 089 091 092 093 094 095 096
 * as bits (bit n is code n; test/backend/identity.test.ts checks it against the list):
 * 26 hex digits in the form's download instead of 63 codes, 130 B gzip of its budget.
 */
const ID_PROVINCES = 0x1faddad5d555b757ecf5add56n;
const isIdProvince = (code: string): boolean => ((ID_PROVINCES >> BigInt(code)) & 1n) === 1n;

type Sex = 'nam' | 'nu';

/** Why a personal ID is wrong. */
export type PersonalIdProblem =
  /** Not 12 digits. */
  | 'id-format'
  /** The first three digits are no province's code. */
  | 'id-province'
  /** The century digit or the two year digits do not fit the date of birth given. */
  | 'id-birth-year'
  /** The century digit says the other sex than the one given. */
  | 'id-sex';

/**
 * Digit 4 encodes the century of birth and the sex: 0/1 for 1900–1999
 * (male/female), 2/3 for 2000–2099, 4/5 for 2100s, 6/7 for 2200s, 8/9 for
 * the 1800s. Even is male, odd is female.
 */
const CENTURY_BY_DIGIT = [1900, 1900, 2000, 2000, 2100, 2100, 2200, 2200, 1800, 1800];

/**
 * Removes the spaces, dots and dashes people type or paste inside numbers
 * ("001 099 012 345"), zero-width ones included, and reads full-width
 * digits (from some phone keyboards) as digits.
 */
export const compactNumber = (value: string): string => value.normalize('NFKC').replace(/[\s\u200b-\u200d.-]/g, '');

/**
 * Checks a personal ID; when the person's date of birth (`YYYY-MM-DD`) or
 * sex is known, also that the ID's century/sex digit and year digits fit them,
 * which catches the common slip of typing a relative's number.
 */
export function checkPersonalId(
  id: string,
  person: { birthDate?: string | undefined; sex?: Sex | undefined } = {},
): PersonalIdProblem | undefined {
  const digits = compactNumber(id);
  if (!/^\d{12}$/.test(digits)) return 'id-format';
  if (!isIdProvince(digits.slice(0, 3))) return 'id-province';
  const centuryDigit = Number(digits[3]);
  const birthYear = person.birthDate ? Number(person.birthDate.slice(0, 4)) : NaN;
  if (Number.isInteger(birthYear) && CENTURY_BY_DIGIT[centuryDigit]! + Number(digits.slice(4, 6)) !== birthYear)
    return 'id-birth-year';
  if (person.sex && (centuryDigit % 2 === 0 ? 'nam' : 'nu') !== person.sex) return 'id-sex';
  return undefined;
}

export type TaxCodeProblem = 'tax-format' | 'tax-check-digit';

const TAX_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/**
 * An organisation's tax code: 10 digits whose last is a check digit
 * (10 − Σ digitᵢ·weightᵢ mod 11; a remainder that would give 10 is never
 * issued), optionally followed by `-NNN` for a branch. Since 1 July 2025 an
 * individual's tax code is their 12-digit personal ID, accepted as well.
 */
export function checkTaxCode(code: string): TaxCodeProblem | undefined {
  const value = code.replace(/\s/g, '');
  if (/^\d{12}$/.test(value)) return checkPersonalId(value) ? 'tax-format' : undefined;
  const match = /^(\d{10})(?:-(\d{3}))?$/.exec(value);
  if (!match) return 'tax-format';
  const digits = [...match[1]!].map(Number);
  const sum = TAX_WEIGHTS.reduce((total, weight, i) => total + weight * digits[i]!, 0);
  const check = 10 - (sum % 11);
  return check === digits[9] ? undefined : 'tax-check-digit';
}

/** A mobile number as the networks issue them since 2018: 10 digits, 03/05/07/08/09. `+84` and `84` are read as a leading 0. */
export function normaliseMobile(phone: string): string {
  const digits = compactNumber(phone).replace(/[()]/g, '');
  if (digits.startsWith('+84')) return `0${digits.slice(3)}`;
  if (/^84\d{9}$/.test(digits)) return `0${digits.slice(2)}`;
  return digits;
}

export const isMobile = (phone: string): boolean => /^0[35789]\d{8}$/.test(normaliseMobile(phone));

/**
 * An e-mail address as a person would type it: something@domain.tld, no
 * spaces. Deliberately loose: the strict grammar accepts addresses no
 * mailbox has, and refuses none a citizen really types.
 */
export const isEmail = (email: string): boolean =>
  email.length <= 254 && /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/.test(email.trim());

/** A real calendar date in `YYYY-MM-DD` (not 2025-02-30). */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}
