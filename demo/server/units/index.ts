/**
 * Today's administrative units for addresses: the 34 provinces and
 * centrally-run cities and their communes, wards and special zones
 * (`listProvinces`, `listCommunes`), and the check dossier validation
 * needs (`findCommune`). Reference data, not citizen data: it is built
 * into memory once, on first use, from the generated `data.ts`.
 */
import type { Commune, CommuneList, Province, ProvinceList } from '../../../src/api/contract/units.js';
import { HttpError } from '../http/replies.js';
import { COMMUNES, PROVINCES } from './data.js';

interface Units {
  provinces: Province[];
  /** Per province code, its communes in the order `listCommunes` answers. */
  communesByProvince: Map<string, Commune[]>;
  /** Per commune code, the unit and the code of its province. */
  communes: Map<string, { commune: Commune; province: string }>;
}

/** The kind that starts every commune name; it is left out when sorting. */
const KIND = /^(Xã|Phường|Đặc khu) /;
const vietnamese = new Intl.Collator('vi');

/**
 * Vietnamese alphabetical order of the name without its kind, as citizens
 * look for "Ba Đình" among "Phường Ba Đình" and "Xã Bát Tràng" alike; the
 * full name, unique within a province, breaks a tie ("Phường X", "Xã X").
 */
function byName(a: Commune, b: Commune): number {
  return vietnamese.compare(a.name.replace(KIND, ''), b.name.replace(KIND, '')) || vietnamese.compare(a.name, b.name);
}

function build(): Units {
  const provinces = PROVINCES.map(([code, name]) => ({ code, name }));
  const communesByProvince = new Map<string, Commune[]>(provinces.map(({ code }) => [code, []]));
  const communes = new Map<string, { commune: Commune; province: string }>();
  for (const [code, province, name] of COMMUNES) {
    const commune = { code, name };
    communesByProvince.get(province)?.push(commune);
    communes.set(code, { commune, province });
  }
  for (const list of communesByProvince.values()) list.sort(byName);
  return { provinces, communesByProvince, communes };
}

let units: Units | undefined;
const loaded = (): Units => (units ??= build());

/** The commune `commune` if it belongs to the province `province`; undefined otherwise, or if either code is unknown. */
export function findCommune(province: string, commune: string): Commune | undefined {
  const found = loaded().communes.get(commune);
  return found?.province === province ? found.commune : undefined;
}

export interface UnitsHandlers {
  /** The provinces and centrally-run cities, sorted by code. */
  listProvinces(): Promise<ProvinceList>;
  /** The communes, wards and special zones of a province, in Vietnamese alphabetical order of the name without its kind. */
  listCommunes(input: { params: { province: string } }): Promise<CommuneList>;
}

export function unitsHandlers(): UnitsHandlers {
  return {
    async listProvinces() {
      return { items: loaded().provinces };
    },

    async listCommunes({ params: { province } }) {
      const items = loaded().communesByProvince.get(province);
      if (!items) {
        throw new HttpError(
          404,
          'province_not_found',
          `No province has the code ${province}. (Không có tỉnh, thành phố mã ${province}.)`,
        );
      }
      return { province, items };
    },
  };
}
