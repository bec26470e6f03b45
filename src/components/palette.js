// Okabe–Ito: distinguishable under the common colour-vision deficiencies. Lines also differ by
// dash and point shape, so no chart relies on colour alone.
export const OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000", "#F0E442", "#999999"];
export const SHAPES = ["circle", "square", "triangle-up", "diamond", "cross", "triangle-down", "triangle-right", "triangle-left", "stroke"];

export function countryScale(codes) {
  const domain = [...codes].sort();
  return {
    color: { domain, range: OKABE_ITO.slice(0, domain.length) },
    shape: { domain, range: SHAPES.slice(0, domain.length) },
  };
}
