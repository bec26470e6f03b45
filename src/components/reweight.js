// Reweighting in the reader's browser: every total and rank recomputed under other section weights
// by the engine's own kernel (loaders/shared/kernel.ts, bundled into ./engine.js), from the points
// table the loader ships (published section points, weights, and which sections each cell has).
// No arithmetic of its own: tests/sensitivity.test.ts checks this against computeIndex, to the bit.
import { indexInto, rankInto, yearBlocks } from "./engine.js";

/**
 * table: { sections: string[], cells: [{country, year, points: number[], weights: number[], present: number[], index, rank}] }
 * (cells sorted by year, then country, as the loader writes them).
 */
export function prepareTable(table) {
  const S = table.sections.length;
  const C = table.cells.length;
  const flat = (key) => Float64Array.from(table.cells.flatMap((cell) => cell[key]));
  const weights = flat("weights");
  return {
    sections: table.sections,
    cells: table.cells,
    S,
    C,
    inputs: {
      cells: C,
      sections: S,
      points: flat("points"),
      rows: Int32Array.from(table.cells, (_, c) => c * S),
      weights,
      slope: new Float64Array(C * S).fill(1),
      offset: new Float64Array(C * S),
      multipliers: new Float64Array(S).fill(1),
    },
    published: weights,
    present: flat("present"),
    years: yearBlocks(table.cells.map((c) => c.year)),
    publishedRank: Int32Array.from(table.cells, (c) => c.rank),
    index: new Float64Array(C),
    rank: new Int32Array(C),
  };
}

/**
 * Recomputes every Index and rank into prepared.index / prepared.rank and returns them.
 * values: one number per section (prepared.sections order): a multiplier of the published
 * weight, or with {absolute: true} the weight itself (as a method file's `weights` gives it).
 */
export function reweight(prepared, values, { absolute = false } = {}) {
  const { S, C, inputs } = prepared;
  if (absolute) {
    const weights = new Float64Array(C * S);
    for (let i = 0; i < C * S; i++) weights[i] = prepared.present[i] ? values[i % S] : 0;
    inputs.weights = weights;
    inputs.multipliers = null;
  } else {
    inputs.weights = prepared.published;
    inputs.multipliers = Float64Array.from(values);
  }
  indexInto(inputs, prepared.index);
  rankInto(prepared.index, prepared.years, prepared.rank);
  return { index: prepared.index, rank: prepared.rank };
}
