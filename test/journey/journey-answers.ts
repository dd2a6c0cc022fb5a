/**
 * What the citizen of the journeys types and chooses (the birth registration
 * fixture of the backend tests), what the review must then show, and the
 * small moves every journey repeats: filling an address or a person, "Tiếp
 * tục", following a link that leaves the page, fitting a phone's screen.
 */
import assert from 'node:assert/strict';
import type { FormField } from '../../src/api/contract/index.js';
import { formById } from '../../demo/server/forms/index.js';
import { DOSSIER_FIXTURES, MOTHER } from '../backend/dossier-fixtures.js';
import type { Journey } from './support.js';

export const PROCEDURE = '1.001193';
const FIXTURE = DOSSIER_FIXTURES[PROCEDURE]!;
export const answers = FIXTURE.answers as Record<string, unknown>;
export const address = (value: unknown) => value as { street: string; commune: string; province: string };

export const FORM = 'dvc-dossier-form';
export const SEARCH = 'dvc-procedure-search';
export const LOOKUP = 'dvc-status-lookup';
/** The form's own id of a field (`answers.me-ho-ten` → `f-answers_me-ho-ten`), as `fields.ts` makes it. */
const idOf = (path: string) => `f-${path.replace(/[^A-Za-z0-9-]/g, '_')}`;
export const field = (path: string) => `${FORM} >>> #${idOf(path)}`;
export const box = (path: string) => `${FORM} >>> [data-path="${path}"]`;
export const UPLOAD = `${FORM} >>> dvc-attachment-upload[slot-id="giay-chung-sinh"]`;

const fields = formById('khai-sinh')!.sections.flatMap((section) => section.fields);
/** The label a citizen reads for a fixture answer of a choice field. */
export function labelOf(id: string): string {
  const spec = fields.find((candidate) => candidate.id === id) as FormField | undefined;
  const value = answers[id];
  if (spec?.type === 'yesno') return value ? 'Có' : 'Không';
  const option = spec && 'options' in spec ? spec.options.find((candidate) => candidate.value === value) : undefined;
  if (!option) throw new Error(`No option ${String(value)} for ${id}`);
  return option.label;
}
export const dmy = (iso: string) => iso.split('-').reverse().join('/');

export const SUPPLEMENT = [
  'Bản chụp Giấy chứng sinh rõ nét, đủ bốn góc',
  'Giấy xác nhận thông tin cư trú của người mẹ',
];

/**
 * What the review must show, row by row (its label, then the value as the
 * citizen gave it): every answer typed or chosen, and the file. `places`
 * are the addresses as chosen (street, commune, province names), by path.
 */
export function expectedReview(places: Record<string, string>): string[] {
  const shown = (spec: FormField, value: unknown): string => {
    if (spec.type === 'yesno') return value ? 'Có' : 'Không';
    if ('options' in spec) return labelOf(spec.id);
    if (spec.type === 'date') return dmy(String(value));
    if (spec.type === 'number') return `${String(value)}${spec.unit ? ` ${spec.unit}` : ''}`;
    if (spec.type === 'address') return places[`answers.${spec.id}`]!;
    return String(value);
  };
  return [
    `Họ, chữ đệm và tên ${MOTHER.fullName}`,
    `Ngày, tháng, năm sinh ${dmy(MOTHER.birthDate)}`,
    'Giới tính Nữ',
    `Số định danh cá nhân ${MOTHER.personalId}`,
    // Read back grouped as it is read out (0912 345 678), however it was typed.
    `Số điện thoại di động ${MOTHER.phone.replace(/^(\d{4})(\d{3})(\d{3})$/, '$1 $2 $3')}`,
    `Thư điện tử (email) ${MOTHER.email!}`,
    `Nơi cư trú ${places['applicant.address']!}`,
    ...fields.filter((spec) => spec.id in answers).map((spec) => `${spec.label} ${shown(spec, answers[spec.id])}`),
    `Giấy chứng sinh do cơ sở y tế cấp ${'giay-chung-sinh.pdf'}`,
  ];
}

export async function fitsTheScreen(journey: Journey, where: string): Promise<void> {
  const fits = await journey.page.evaluate('__journey.fits()');
  assert.ok(fits, `${where} is wider than the phone's screen: the citizen has to scroll sideways`);
}

/** Street, province, commune of an address fieldset; returns the address as the citizen chose it (names, not codes). */
export async function fillAddress(
  journey: Journey,
  path: string,
  value: { street: string; province: string; commune: string },
): Promise<string> {
  await journey.type(`${field(path)}-street`, value.street);
  const province = await journey.select(`${field(path)}-province`, { value: value.province });
  const commune = await journey.select(`${field(path)}-commune`, { value: value.commune });
  return `${value.street}, ${commune}, ${province}`;
}

/**
 * A box the form filled in already, from the applicant's step or as its
 * starting answer ("Việt Nam"): the citizen reads it and moves on. It must
 * hold what they would have typed.
 */
export async function seeFilled(journey: Journey, path: string, text: string): Promise<void> {
  assert.equal(await journey.value(path), text, `${path} is not filled in with "${text}"`);
}

/** An address the form filled in: its street, province and commune must be the fixture's; returns it as shown. */
async function seeAddress(
  journey: Journey,
  path: string,
  value: { street: string; province: string; commune: string },
): Promise<string> {
  await seeFilled(journey, `${field(path)}-street`, value.street);
  const chosen = async (part: string, code: string) => {
    await seeFilled(journey, `${field(path)}${part}`, code);
    return journey.page.evaluate(
      `__journey.find(${JSON.stringify(`${field(path)}${part}`)}).selectedOptions[0].textContent.trim()`,
    ) as Promise<string>;
  };
  const province = await chosen('-province', value.province);
  const commune = await chosen('-commune', value.commune);
  return `${value.street}, ${commune}, ${province}`;
}

/**
 * A person block of the form (`me-…`, `cha-…`), from the fixture's answers;
 * `isApplicant` when the citizen said the person is the applicant (the
 * mother files): the form filled in the name, date of birth, ID and
 * residence from the first step, and only the rest is asked.
 */
export async function fillPerson(journey: Journey, prefix: string, isApplicant = false): Promise<string> {
  const given = (name: string) => String(answers[`${prefix}-${name}`]);
  const path = (name: string) => field(`answers.${prefix}-${name}`);
  if (isApplicant) {
    await seeFilled(journey, path('ho-ten'), given('ho-ten'));
    await seeFilled(journey, path('ngay-sinh'), dmy(given('ngay-sinh')));
  } else {
    await journey.type(path('ho-ten'), given('ho-ten'));
    await journey.date(path('ngay-sinh'), given('ngay-sinh'));
  }
  await journey.select(path('dan-toc'), { label: labelOf(`${prefix}-dan-toc`) });
  await seeFilled(journey, path('quoc-tich'), given('quoc-tich'));
  const residence = address(answers[`${prefix}-noi-cu-tru`]);
  if (isApplicant) {
    await seeFilled(journey, path('so-dinh-danh'), given('so-dinh-danh'));
    return seeAddress(journey, `answers.${prefix}-noi-cu-tru`, residence);
  }
  await journey.type(path('so-dinh-danh'), given('so-dinh-danh'));
  return fillAddress(journey, `answers.${prefix}-noi-cu-tru`, residence);
}

/** Moves on with "Tiếp tục"; the next step's heading must show and take focus. */
export async function next(journey: Journey, heading: string): Promise<void> {
  await journey.activate(`${FORM} >>> [part="next-button"]`);
  await journey.untilText(`${FORM} >>> #step-heading`, heading);
  await journey.expectFocus(`${FORM} >>> #step-heading`, heading, "the new step's heading");
}

/** Follows a link that leaves the page, waiting for the next page. */
export async function follow(journey: Journey, link: string): Promise<void> {
  await Promise.all([
    journey.page.waitForNavigation({ waitUntil: 'domcontentloaded', timeout: journey.timeout }),
    journey.activate(link),
  ]);
}
