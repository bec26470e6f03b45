// Types of reweight.js, for the TypeScript tests that import it (pages use the .js directly).
export interface ReweightCell {
  country: string;
  year: number;
  methodology?: string;
  points: number[];
  weights: number[];
  index: number;
  rank: number;
}
export interface ReweightTableInput {
  sections: string[];
  cells: ReweightCell[];
}
export interface PreparedTable {
  sections: string[];
  cells: ReweightCell[];
  S: number;
  C: number;
  points: Float64Array;
  weights: Float64Array;
  years: { year: number; start: number; count: number }[];
  publishedRank: Int32Array;
  index: Float64Array;
  rank: Int32Array;
}
export function prepareTable(table: ReweightTableInput): PreparedTable;
export function reweight(prepared: PreparedTable, values: ArrayLike<number>, options?: { absolute?: boolean }): { index: Float64Array; rank: Int32Array };
export function rankChanges(prepared: PreparedTable): {
  country: string;
  year: number;
  published_rank: number;
  published_index: number;
  rank: number;
  index: number;
  change: number;
}[];
