// Everything the pages share with the engine, bundled into src/components/engine.js by
// scripts/bundle-shared.ts. One line per shared module; each must stay browser-safe.
export * from "./format.ts";
export * from "./kernel.ts";
export * from "./strings/index.ts";
export * from "./print.ts";
