import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldWord, foldWords } from './fold.ts';
import { romanizeArmenian } from './romanize.ts';
import { FEMALE_NAMES, MALE_NAMES, SURNAMES } from '../../demo/registry-demo-data.ts';

test('BGN/PCGN romanization of Armenian names and places', () => {
  assert.equal(romanizeArmenian('Հովհաննիսյան'), 'Hovhannisyan');
  assert.equal(romanizeArmenian('Երևան'), 'Yerevan');
  assert.equal(romanizeArmenian('Ոսկանյան'), 'Voskanyan');
  assert.equal(romanizeArmenian('Ղազարյան'), 'Ghazaryan');
  assert.equal(romanizeArmenian('Ծատուրյան'), 'Tsaturyan');
  assert.equal(romanizeArmenian('Գյուլումյան'), 'Gyulumyan');
});

test('every spelling of Hovhannisyan folds to one key', () => {
  const spellings = ['Հովհաննիսյան', 'Հովհաննեսյան', 'Hovhannisyan', 'Hovannisian', 'Howhannisjan', 'Ованнисян', 'Оганесян', 'Hovhannesian'];
  const keys = new Set(spellings.map(foldWord));
  assert.equal(keys.size <= 2, true, `keys: ${[...keys].join(', ')}`);
  assert.equal(foldWord('Hovannisian'), foldWord('Հովհաննիսյան'));
  assert.equal(foldWord('Ованнисян'), foldWord('Hovhannisyan'));
  assert.equal(foldWord('Howhannisjan'), foldWord('Hovhannisyan'));
  assert.equal(foldWord('Հովհաննեսյան'), foldWord('Հովհաննիսյան'));
});

test('other names keep distinct keys', () => {
  assert.notEqual(foldWord('Petrosyan'), foldWord('Grigoryan'));
  assert.equal(foldWord('Petrosian'), foldWord('Պետրոսյան'));
  assert.equal(foldWord('Петросян'), foldWord('Պետրոսյան'));
  assert.deepEqual(foldWords('Արամ Պետրոսյան'), [foldWord('Aram'), foldWord('Petrosyan')]);
});

/**
 * Armenian surnames and how they are written in Latin (BGN/PCGN, ISO, passports, Armenian
 * Latin typing with q and x, Western and French spellings) and in Russian: every spelling
 * folds to the Armenian form's key. The velars (Ղ Ք Կ Գ Խ) are where the tables disagree most.
 */
const SPELLINGS: Record<string, string[]> = {
  Ղազարյան: ['Казарян', 'Газарян', 'Ghazaryan', 'Kazarian', 'Ghazarian', 'Gazaryan', 'Khazaryan', 'Ġazaryan', 'Хазарян'],
  Խաչատրյան: ['Хачатрян', 'Khachatryan', 'Xachatryan', 'Khachatrian'],
  Գրիգորյան: ['Григорян', 'Grigoryan', 'Grigorian', 'Krikorian'],
  Քոչարյան: ['Кочарян', 'Qocharyan', 'Kocharyan', 'Kocharian', "K'ocharyan"],
  Կարապետյան: ['Карапетян', 'Karapetyan', 'Karapetian'],
  Ղուկասյան: ['Гукасян', 'Ghukasyan', 'Ghoukassian'],
  Գևորգյան: ['Геворкян', 'Геворгян', 'Gevorgyan', 'Gevorkian', 'Kevorkian'],
  Մելքոնյան: ['Мелконян', 'Melkonyan', 'Melqonyan', 'Melkonian'],
  Զաքարյան: ['Закарян', 'Zakaryan', 'Zaqaryan', 'Zakarian'],
  Ղարիբյան: ['Гарибян', 'Gharibyan'],
  Աղաջանյան: ['Агаджанян', 'Aghajanyan', 'Aghajanian'],
  Եղիազարյան: ['Егиазарян', 'Yeghiazaryan', 'Eghiazarian'],
  Բաղդասարյան: ['Багдасарян', 'Baghdasaryan', 'Baghdasarian'],
  Մկրտչյան: ['Мкртчян', 'Mkrtchyan', 'Mkrtchian'],
  Գասպարյան: ['Гаспарян', 'Gasparyan', 'Kasparyan'],
  Գալստյան: ['Галстян', 'Galstyan'],
  Կիրակոսյան: ['Киракосян', 'Kirakosyan'],
  Քալանթարյան: ['Калантарян', 'Kalantaryan', 'Qalantaryan'],
  Խաչիկյան: ['Хачикян', 'Khachikyan'],
  Ղամբարյան: ['Гамбарян', 'Ghambaryan'],
  Առաքելյան: ['Аракелян', 'Arakelyan', 'Araqelyan'],
  Ալեքսանյան: ['Алексанян', 'Aleksanyan', 'Aleqsanyan'],
  Մանուկյան: ['Манукян', 'Manukyan', 'Manoukian'],
  Գյուլումյան: ['Гюлумян', 'Gyulumyan'],
  Քեշիշյան: ['Кешишян', 'Keshishyan', 'Qeshishyan'],
  Կարախանյան: ['Караханян', 'Karakhanyan'],
  Ջանիբեկյան: ['Джанибекян', 'Janibekyan', 'Djanibekian'],
  Հովհաննիսյան: ['Ованнисян', 'Hovhannisyan', 'Hovannisian'],
};

test('every Latin and Cyrillic spelling in the table folds to its Armenian surname', () => {
  const pairs = Object.entries(SPELLINGS).flatMap(([hy, list]) => list.map((s) => [hy, s] as const));
  assert.ok(pairs.length >= 50, `${pairs.length} pairs`);
  const missed = pairs.filter(([hy, s]) => foldWord(s) !== foldWord(hy)).map(([hy, s]) => `${s} → ${foldWord(s)}, ${hy} → ${foldWord(hy)}`);
  assert.deepEqual(missed, []);
  // The spelling of the fault report, as a search prefix too.
  assert.ok(foldWord('Ղազարյան').startsWith(foldWord('Каз')));
});

test('folding the velars together does not make different names meet', () => {
  // The demo's surnames and first names: every surname and first name keeps a key of its own.
  const first = [...MALE_NAMES.map((m) => m[0]), ...FEMALE_NAMES];
  assert.equal(new Set(SURNAMES.map(foldWord)).size, SURNAMES.length);
  assert.equal(new Set(first.map(foldWord)).size, first.length);
  // Across surnames, first names and patronymics only the pairs that met before meet:
  // three patronymics that sound like a female name (Արմենի/Արմինե, Կարենի/Կարինե, Վահե/Վահեի).
  const all = [...new Set([...SURNAMES, ...MALE_NAMES.flat(), ...FEMALE_NAMES, ...Object.keys(SPELLINGS)])];
  const byKey = new Map<string, string[]>();
  for (const w of all) byKey.set(foldWord(w), [...(byKey.get(foldWord(w)) ?? []), w]);
  const shared = [...byKey.values()].filter((ws) => ws.length > 1).map((ws) => ws.sort().join('/')).sort();
  assert.deepEqual(shared, ['Արմենի/Արմինե', 'Կարենի/Կարինե', 'Վահե/Վահեի']);
  // Names that differ in more than a velar stay apart.
  for (const [a, b] of [['Գասպարյան', 'Կարապետյան'], ['Ղազարյան', 'Զաքարյան'], ['Գևորգյան', 'Գրիգորյան'], ['Խաչատրյան', 'Քոչարյան']] as const) assert.notEqual(foldWord(a), foldWord(b), `${a} / ${b}`);
});
