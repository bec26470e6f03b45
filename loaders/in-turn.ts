// Work over many items a few at a time: enough to keep the disk (or the two cores) busy, few enough
// that their bytes (and open handles) do not pile up on a large project.

/** `work` over `items`, at most `width` at once, the results in the items' order. */
export async function inTurn<T, R>(items: readonly T[], work: (item: T) => Promise<R>, width = 8): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    for (let i; (i = next++) < items.length; ) out[i] = await work(items[i]!);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
  return out;
}
