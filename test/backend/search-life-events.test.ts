/**
 * Browsing by life event: GET /life-events lists the events of
 * `data/life-events.json` with their number of procedures in the catalogue,
 * GET /procedures?event= lists an event's procedures (with or without a
 * query, agency and other filters), and a bad life-event file is refused
 * naming the place.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LifeEventList, SearchResult } from '../../src/api/contract/index.js';
import * as catalog from '../../demo/server/catalogue/seed/catalogue.js';
import { lifeEvents } from '../../demo/server/catalogue/search-data.js';
import { parseLifeEvents } from '../../demo/server/catalogue/search-life-events.js';
import { API, getError, getJson, startTestBackend, type TestBackend } from './helpers.js';

let backend: TestBackend;
before(async () => {
  backend = await startTestBackend();
});
after(() => backend.close());

const list = (query = '') => getJson(`${backend.url}${API}/life-events${query}`, LifeEventList);
const search = (params: Record<string, string>) =>
  getJson(`${backend.url}${API}/procedures?${new URLSearchParams({ pageSize: '50', ...params })}`, SearchResult);
const inCatalogue = (codes: string[]) => codes.filter((code) => catalog.procedures.some((p) => p.code === code));

describe('life events', () => {
  test('GET /life-events lists each event with the number of its procedures in the catalogue', async () => {
    const { items } = await list();
    assert.deepEqual(
      items.map((item) => item.name),
      lifeEvents().map((event) => event.name),
    );
    for (const item of items) {
      const event = lifeEvents().find((e) => e.code === item.code)!;
      assert.equal(item.count, inCatalogue(event.procedures).length, item.code);
    }
    assert.ok(items.some((item) => item.name === 'Người thân qua đời'));
  });

  test("GET /procedures?event= lists exactly the event's procedures, and combines with a query and filters", async () => {
    for (const event of lifeEvents()) {
      const { items, total } = await search({ event: event.code });
      assert.equal(total, inCatalogue(event.procedures).length, event.code);
      assert.deepEqual(new Set(items.map((item) => item.code)), new Set(inCatalogue(event.procedures)));
    }
    const died = await search({ event: 'nguoi-than-qua-doi', q: 'khai tu' });
    assert.equal(died.items[0]?.name, 'Đăng ký khai tử');
    assert.ok(died.items.every((item) => lifeEvents()[2]!.procedures.includes(item.code)));
    assert.equal((await search({ event: 'ket-hon', q: 'thuong tru' })).total, 0);
    assert.equal((await search({ event: 'khong-co-su-kien-nay' })).total, 0);
  });

  test("with agency, counts only that agency's procedures and leaves out events with none", async () => {
    const police = catalog.procedures.find((p) => p.code === '1.004222')!.agency.code;
    const { items } = await list(`?agency=${police}`);
    const policeCodes = catalog.procedures.filter((p) => p.agency.code === police).map((p) => p.code);
    for (const item of items) {
      const event = lifeEvents().find((e) => e.code === item.code)!;
      assert.equal(item.count, event.procedures.filter((code) => policeCodes.includes(code)).length);
    }
    assert.ok(items.some((item) => item.code === 'thay-doi-noi-o'));
    assert.ok(!items.some((item) => item.code === 'ket-hon'), "marriage is not the police's");
    await getError(`${backend.url}${API}/life-events?agency=NOPE`, 404, 'agency_not_found');
  });

  test('a bad life-event file is refused at load, naming the place', () => {
    const event = { code: 'ket-hon', name: 'Kết hôn', procedures: ['1.000894'], source: 'Luật Hộ tịch' };
    assert.equal(parseLifeEvents(JSON.stringify({ events: [event] }), 'mine.json').length, 1);
    assert.throws(
      () => parseLifeEvents(JSON.stringify({ events: [{ ...event, procedures: [] }] }), 'mine.json'),
      /mine\.json: events\.0\.procedures/,
    );
    assert.throws(
      () => parseLifeEvents(JSON.stringify({ events: [{ ...event, name: '' }] }), 'mine.json'),
      /events\.0\.name/,
    );
    assert.throws(
      () => parseLifeEvents(JSON.stringify({ events: [event, event] }), 'mine.json'),
      /event ket-hon appears twice/,
    );
    assert.throws(() => parseLifeEvents('{"events": [', 'mine.json'), /mine\.json: not JSON/);
  });
});
