import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/setup/bundle.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Build tests copy the project and run Framework: keep them from fighting over 2 cores.
    fileParallelism: true,
    maxWorkers: 2,
    // The tests' builds leave out the PDFs (scripts/pdf.ts), which print every page in Chromium.
    env: { PTI_PDF: "0" },
  },
});
