/**
 * The synonym table as data: the built-in table loads, an operator's file
 * adds to it, and a bad line (an empty side, a repeated left side, a loop)
 * is refused at load with its file and line named.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { loadSynonyms } from '../../demo/server/catalogue/search-data.js';
import { applySynonyms, checkSynonyms, parseSynonyms } from '../../demo/server/catalogue/search-synonyms.js';
import { words } from '../../demo/server/catalogue/search-words.js';

const check = (text: string) => checkSynonyms(parseSynonyms(text, 'mine.txt'));

describe('the synonym table', () => {
  test("the built-in table loads and reads citizens' words as the catalogue's", () => {
    const synonyms = loadSynonyms('');
    assert.ok(synonyms.length >= 40);
    assert.deepEqual(applySynonyms(words('giấy độc thân'), synonyms), ['tinh', 'trang', 'hon', 'nhan']);
    assert.deepEqual(applySynonyms(words('cắt khẩu cho con'), synonyms), [
      ...words('xóa đăng ký thường trú'),
      'cho',
      'con',
    ]);
  });

  test("an operator's file adds lines, written with or without diacritics", () => {
    const file = join(mkdtempSync(join(tmpdir(), 'synonyms-')), 'extra.txt');
    writeFileSync(file, '# our commune\nGiấy chứng nhận độc thân => tình trạng hôn nhân\n');
    const synonyms = loadSynonyms(file);
    assert.deepEqual(applySynonyms(words('giay chung nhan doc than'), synonyms), words('tình trạng hôn nhân'));
  });

  test('an empty side is refused with the line named', () => {
    assert.throws(() => check('# c\nho khau => thuong tru\n => khai tu\n'), /mine\.txt:3: a side is empty/);
    assert.throws(() => check('chung tu =>   # nothing\n'), /mine\.txt:1: a side is empty/);
    assert.throws(() => check('chung tu khai tu\n'), /mine\.txt:1: expected "words => words"/);
  });

  test('a loop is refused with its lines named, direct or through other lines', () => {
    assert.throws(
      () => check('a b => c d\nc d => a b\n'),
      /mine\.txt:1: a loop, a b \(mine\.txt:1\) => c d \(mine\.txt:2\) => a b/,
    );
    assert.throws(() => check('kinh doanh => ho kinh doanh\n'), /mine\.txt:1: a loop/);
    assert.throws(() => check('x => y\ny => z w\nw => x\n'), /a loop/);
    assert.doesNotThrow(() => check('ho khau => thuong tru\ncat khau => xoa dang ky thuong tru\n'));
  });

  test('a left side given twice is refused naming both lines', () => {
    assert.throws(
      () => check('cmnd => can cuoc\nCMND => chung minh\n'),
      /mine\.txt:2: "cmnd" is already rewritten at mine\.txt:1/,
    );
  });
});
