/**
 * The backend contract, version 1: administrative units for addresses.
 *
 * Since 1 July 2025 local government has two levels: 34 provinces and
 * centrally-run cities, then communes, wards and special zones (xã, phường,
 * đặc khu). There are no districts, so an address is a street line, a
 * commune and a province. Codes are those of the national list of
 * administrative units (2 digits for a province, 5 for a commune).
 */
import * as z from 'zod/mini';
import { Text } from './common.js';

export const ProvinceCode = z.string().check(z.regex(/^\d{2}$/));
export const CommuneCode = z.string().check(z.regex(/^\d{5}$/));

/** A province or centrally-run city; `name` is the full name, e.g. "Thành phố Hà Nội". */
export const Province = z.object({ code: ProvinceCode, name: Text });

/** A commune, ward or special zone; `name` is the full name, e.g. "Phường Ba Đình", "Xã Sóc Sơn". */
export const Commune = z.object({ code: CommuneCode, name: Text });

export const ProvinceList = z.object({ items: z.array(Province) });
export const CommuneList = z.object({ province: ProvinceCode, items: z.array(Commune) });

/** An address in today's two-level units. */
export const Address = z.object({
  /** House number, street, village or hamlet (số nhà, đường, thôn, tổ dân phố). */
  street: z.string().check(z.minLength(1), z.maxLength(200)),
  commune: CommuneCode,
  province: ProvinceCode,
});

export type Province = z.infer<typeof Province>;
export type Commune = z.infer<typeof Commune>;
export type ProvinceList = z.infer<typeof ProvinceList>;
export type CommuneList = z.infer<typeof CommuneList>;
export type Address = z.infer<typeof Address>;
