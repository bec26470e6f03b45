// Pages' components import the engine's shared modules from the generated bundle
// src/components/engine.js (scripts/bundle-shared.ts); tests that import a component need it even
// in a fresh clone, where no build has run yet.
import { bundleShared } from "../../scripts/bundle-shared.ts";

export default async function setup(): Promise<void> {
  await bundleShared();
}
