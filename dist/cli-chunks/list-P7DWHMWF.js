#!/usr/bin/env node
import {
  openStore,
  parseManifest
} from "./chunk-JN7VJA7J.js";
import "./chunk-XLKS4FDF.js";
import "./chunk-BCQJ3TK4.js";

// src/commands/list.ts
import { text } from "node:stream/consumers";
async function list(dest, ctx, s3 = {}) {
  const store = await openStore(dest, s3);
  const out = [];
  for (const name of await store.list()) {
    const url = store.urlOf(name);
    try {
      const m = parseManifest(
        await text(await store.read(name, "manifest.json")),
        `${url}/manifest.json`
      );
      out.push({
        name,
        url,
        created: m.created,
        revision: m.snapshot.revision,
        bytes: m.objects.reduce((sum, o) => sum + o.bytes, 0),
        encrypted: m.objects.some((o) => o.encryption)
      });
    } catch (err) {
      ctx.progress.warn(`Skipping ${url}: ${err.message}`);
    }
  }
  return out;
}
export {
  list
};
//# sourceMappingURL=list-P7DWHMWF.js.map
