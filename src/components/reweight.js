// Reweighting in the reader's browser: every total and rank recomputed from the shipped points
// table (section points and published weights of each country-year, from loaders/sensitivity.ts)
// under other section weights. Pure functions, no DOM: tests/sensitivity.test.ts imports this
// file and checks it against the engine's totals, so the browser and the engine agree.
//
// Index = Σ over sections, in id order, of (published weight × multiplier) × section points,
// summed from 0 — the engine's order of operations, so the published weights give the engine's
// totals to the last bit. Rank: within the year, 1 + the number of countries with a higher Index
// (ties share the better rank), as in the engine.

/**
 * table: { sections: string[], cells: [{country, year, points: number[], weights: number[], index, rank}] }
 * (cells sorted by year, then country, as the loader writes them).
 */
export function prepareTable(table) {
  const S = table.sections.length;
  const C = table.cells.length;
  const points = new Float64Array(C * S);
  const weights = new Float64Array(C * S);
  const years = [];
  table.cells.forEach((cell, c) => {
    for (let s = 0; s < S; s++) {
      points[c * S + s] = cell.points[s];
      weights[c * S + s] = cell.weights[s];
    }
    const last = years[years.length - 1];
    if (last && last.year === cell.year) last.count++;
    else years.push({ year: cell.year, start: c, count: 1 });
  });
  const publishedRank = Int32Array.from(table.cells.map((c) => c.rank));
  return {
    sections: table.sections,
    cells: table.cells,
    S,
    C,
    points,
    weights,
    years,
    publishedRank,
    index: new Float64Array(C),
    rank: new Int32Array(C),
  };
}

/**
 * Recomputes every Index and rank into prepared.index / prepared.rank and returns them.
 * values: one number per section (prepared.sections order): a multiplier of the published
 * weight, or with {absolute: true} the weight itself.
 */
export function reweight(prepared, values, { absolute = false } = {}) {
  const { S, C, points, weights, index, rank, years } = prepared;
  for (let c = 0; c < C; c++) {
    let sum = 0;
    const o = c * S;
    for (let s = 0; s < S; s++) {
      const w = absolute ? (weights[o + s] === 0 ? 0 : values[s]) : weights[o + s] * values[s];
      sum += w * points[o + s];
    }
    index[c] = sum;
  }
  for (const g of years) {
    const end = g.start + g.count;
    for (let i = g.start; i < end; i++) {
      const x = index[i];
      let r = 1;
      for (let j = g.start; j < end; j++) if (index[j] > x) r++;
      rank[i] = r;
    }
  }
  return { index, rank };
}
