// A loader module (a data loader in src/data, a page loader in src/**/*.md.ts) imported by the build
// to learn what it would do, instead of letting it do it: while the build imports it, the module's
// call (runLoader, runRoutes, emitPage) hands over its work and returns; imported by Framework in a
// process of its own, the same call does the work and prints the output.

export interface Collector<T> {
  /** True while the build imports a module through `collect`: the caller registers instead of running. */
  readonly active: boolean;
  register(value: T): void;
  /** What the module at `url` registered when imported, or null if it registered nothing. */
  collect(url: string): Promise<T | null>;
}

export function collector<T>(): Collector<T> {
  let current: { value: T | null } | null = null;
  // A module runs once per process: what it registered the first time is kept for later builds in the same process.
  const seen = new Map<string, T | null>();
  return {
    get active() {
      return current !== null;
    },
    register(value) {
      if (!current) throw new Error("register: no module is being collected");
      current.value = value;
    },
    async collect(url) {
      if (seen.has(url)) return seen.get(url)!;
      current = { value: null };
      try {
        await import(url);
        seen.set(url, current.value);
        return current.value;
      } finally {
        current = null;
      }
    },
  };
}
