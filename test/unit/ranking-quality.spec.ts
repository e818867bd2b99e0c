import { meanNdcg, ndcgAtK } from '../../libs/domain/rules/ranking-quality';

describe('NDCG@k', () => {
  it('matches hand-computed values', () => {
    // Relevant at positions 1 and 3: DCG = 1 + 1/log2(4) = 1.5; ideal (positions 1, 2) = 1 + 1/log2(3).
    expect(ndcgAtK(['a', 'x', 'b', 'y'], new Set(['a', 'b']), 10)).toBeCloseTo(1.5 / (1 + 1 / Math.log2(3)), 12);
    expect(ndcgAtK(['a', 'b', 'x'], new Set(['a', 'b']), 10)).toBe(1);
    expect(ndcgAtK(['x', 'y'], new Set(['a']), 10)).toBe(0);
    // Cut at k: a relevant item at position 3 does not count for k = 2.
    expect(ndcgAtK(['x', 'y', 'a'], new Set(['a']), 2)).toBe(0);
    // More relevant items than k: the ideal has k of them.
    expect(ndcgAtK(['a'], new Set(['a', 'b', 'c']), 1)).toBe(1);
    expect(ndcgAtK(['a'], new Set(), 10)).toBeNull();
  });

  it('averages over the queries with something relevant', () => {
    expect(meanNdcg([1, null, 0.5])).toBe(0.75);
    expect(meanNdcg([null])).toBeNull();
  });
});
