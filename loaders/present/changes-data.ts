// The What changed pages' payload of one language, made once per build and shared by every loader that
// shows it (the changes pages, the country pages, the results page, the front page): each of them
// made it again before, a whole attribution presentation per loader.
import { once, type Shared } from "../framework.ts";
import { changesPayload, type ChangesPayload } from "./changes.ts";
import type { Locale } from "../shared/format.ts";

export const changesOf = (shared: Shared, lang: Locale = "en"): ChangesPayload => once(shared, `changes (${lang})`, () => changesPayload(shared.project, shared.result, lang));
