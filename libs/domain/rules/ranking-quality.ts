/**
 * Offline ranking quality (docs/metrics.md#creator-recommendations): NDCG@k with binary relevance.
 * DCG@k = Σ rel(i) / log2(i + 1) over the first k positions (i from 1); NDCG@k = DCG@k ÷ the DCG@k
 * of the ideal order (every relevant item first). Null when nothing is relevant: there is no
 * ideal to compare with, and such a query is left out of the mean rather than counted as 0 or 1.
 */
export function ndcgAtK(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number | null {
  if (relevant.size === 0) return null;
  let dcg = 0;
  ranked.slice(0, k).forEach((id, index) => {
    if (relevant.has(id)) dcg += 1 / Math.log2(index + 2);
  });
  let ideal = 0;
  for (let index = 0; index < Math.min(k, relevant.size); index += 1) ideal += 1 / Math.log2(index + 2);
  return dcg / ideal;
}

/** The mean over the queries that have an NDCG (null ones left out); null when none has. */
export function meanNdcg(values: readonly (number | null)[]): number | null {
  const defined = values.filter((v): v is number => v !== null);
  return defined.length ? defined.reduce((s, v) => s + v, 0) / defined.length : null;
}
