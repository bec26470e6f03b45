// What the build shares between loaders (loaders/framework.ts once) is kept until it is let go:
// one language's payloads when the other language's loaders begin, everything at the end.
import { describe, expect, it } from "vitest";
import { forget, once, type Shared } from "../loaders/framework.ts";

describe("once and forget", () => {
  it("makes a value once per shared state, and again only after it was let go", () => {
    const shared = {} as Shared;
    const made: string[] = [];
    const get = (key: string) => once(shared, key, () => (made.push(key), { key }));
    const en = get("changes (en)");
    expect(get("changes (en)")).toBe(en);
    get("changes (ru)");
    get("trace lookup");
    expect(made).toEqual(["changes (en)", "changes (ru)", "trace lookup"]);
    forget(shared, "en");
    expect(get("changes (en)")).not.toBe(en);
    get("changes (ru)");
    get("trace lookup");
    expect(made).toEqual(["changes (en)", "changes (ru)", "trace lookup", "changes (en)"]);
    forget(shared);
    get("trace lookup");
    get("changes (ru)");
    expect(made.slice(4)).toEqual(["trace lookup", "changes (ru)"]);
    // Another shared state has its own values.
    const other = {} as Shared;
    once(other, "trace lookup", () => made.push("other"));
    expect(made.at(-1)).toBe("other");
  });
});
