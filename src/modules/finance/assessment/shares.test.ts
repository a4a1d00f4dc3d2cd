// Whole-dram parts of one object's tax: they add up to the tax when the shares make one,
// the extra drams go to the largest remainders, ties to the owner listed first.
import assert from 'node:assert/strict';
import test from 'node:test';
import { addShares, splitByShares } from './shares.ts';

const cases: [string, number, [number, number][], number[]][] = [
  ['one owner pays it all', 3500, [[1, 1]], [3500]],
  ['halves of an odd tax: the first listed gets the odd dram', 1001, [[1, 2], [1, 2]], [501, 500]],
  ['thirds: two extra drams to the first two', 3500, [[1, 3], [1, 3], [1, 3]], [1167, 1167, 1166]],
  ['largest remainder wins over order', 1000, [[1, 6], [5, 6]], [167, 833]],
  ['a share too small for a dram', 1, [[1, 100], [99, 100]], [0, 1]],
  ['incomplete shares charge only what is owned', 1000, [[1, 2], [1, 4]], [500, 250]],
  ['nothing to pay', 0, [[1, 2], [1, 2]], [0, 0]],
];

for (const [name, tax, shares, expected] of cases) {
  test(`shares: ${name}`, () => {
    const parts = splitByShares(tax, shares.map(([num, den]) => ({ num, den })));
    assert.deepEqual(parts, expected);
  });
}

test('shares: the sum of fractions is reduced', () => {
  assert.deepEqual(addShares([{ num: 1, den: 2 }, { num: 1, den: 3 }, { num: 1, den: 6 }]), { num: 1, den: 1 });
});

test('shares: money is whole drams', () => {
  assert.throws(() => splitByShares(10.5, [{ num: 1, den: 1 }]), RangeError);
});
