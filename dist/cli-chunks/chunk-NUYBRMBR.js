#!/usr/bin/env node
import {
  loadInventory,
  recoveryRewrite
} from "./chunk-ZSEXTH5J.js";
import {
  InputError,
  OperationError
} from "./chunk-BCQJ3TK4.js";

// src/commands/inventory.ts
import { randomBytes } from "node:crypto";
import { rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
async function writeAtomically(path, text, mode) {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await writeFile(temp, text, { mode, flag: "wx" });
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    const code = err.code ?? "";
    const message = `cannot write the recovery inventory to ${path}: ${err.message}`;
    if (["ENOENT", "ENOTDIR", "EISDIR", "EACCES", "EROFS"].includes(code)) {
      throw new InputError(`${message}. Check the -o path.`, { cause: err });
    }
    throw new OperationError(message, { cause: err });
  }
}
async function inventoryRecover(opts, ctx) {
  const inventory = await loadInventory(opts.inventory, { extraVars: opts.extraVars });
  const snapshot = inventory.extraVars.etcd_snapshot;
  const text = recoveryRewrite(inventory, {
    brokenEtcd: opts.brokenEtcd,
    brokenControlPlane: opts.brokenControlPlane,
    etcdSnapshot: typeof snapshot === "string" && snapshot !== "" ? snapshot : void 0
  });
  if (opts.output === void 0) return { text };
  const mode = (await stat(opts.inventory)).mode & 438;
  await writeAtomically(opts.output, text, mode);
  ctx.progress.info(`wrote the recovery inventory to ${opts.output}`);
  return { output: opts.output, text };
}

export {
  inventoryRecover
};
//# sourceMappingURL=chunk-NUYBRMBR.js.map
