// The scale case, run in its own process by bench/run.ts so that its peak memory is its own:
// a synthetic project of COUNTRIES × YEARS × INDICATORS with RESPONDENTS survey respondents per
// country-year, generated in memory, through the whole pipeline (computeIndex). Prints one JSON line.
//   node --import tsx bench/scale.ts [countries years indicators respondents [intervals]]
// (intervals: 0 to time the pipeline without the survey intervals; with them by default).
import { syntheticProject } from "./synthetic.ts";
import { computeIndex } from "../loaders/pipeline.ts";
import { PUBLISHED_METHOD } from "../loaders/method.ts";

const argv = process.argv.slice(2);
const [countries, years, indicators, respondents] = (argv.length >= 4 ? argv.slice(0, 4) : ["57", "20", "200", "50"]).map(Number) as [number, number, number, number];
const intervals = argv[4] === undefined ? true : Number(argv[4]) !== 0;

const t0 = performance.now();
const project = syntheticProject({ countries, years, indicators, respondents, seed: 57 });
const t1 = performance.now();
const result = computeIndex(project, PUBLISHED_METHOD, { intervals });
const t2 = performance.now();
const steps = Object.fromEntries(result.log.map((s) => [s.step, s.count]));
const rss = process.resourceUsage().maxRSS * 1024; // bytes (maxRSS is in kilobytes)
process.stdout.write(
  JSON.stringify({
    countries,
    years,
    indicators,
    respondents,
    cells: result.index.length,
    answers: result.answers.length,
    responses: project.surveys.reduce((n, s) => n + s.responses.length, 0),
    surveys: steps.survey ?? 0,
    intervals,
    generate_ms: t1 - t0,
    pipeline_ms: t2 - t1,
    max_rss_bytes: rss,
    heap_used_bytes: process.memoryUsage().heapUsed,
  }) + "\n",
);
