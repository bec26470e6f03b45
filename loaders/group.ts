// Grouping by key in one pass, for the stages that would otherwise filter the whole list per item
// (which grows with the square of the data).

/** Items by a key, each group in the items' order, the groups in the order of their first item. */
export function groupBy<T, K>(rows: readonly T[], key: (r: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = groups.get(k);
    if (list) list.push(r);
    else groups.set(k, [r]);
  }
  return groups;
}
