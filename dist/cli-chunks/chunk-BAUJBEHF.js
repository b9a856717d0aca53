#!/usr/bin/env node
import {
  NodeStepRunner
} from "./chunk-AVFVC57H.js";
import {
  BackupSource,
  clusterChanges,
  inventoryChanges,
  openNodeTransports,
  parsePlanFile,
  planFileSha256,
  planInventoryOf,
  preparePlan,
  replan,
  reportSignature,
  sha256Hex,
  verifyRecovery
} from "./chunk-QBYBDS7O.js";
import {
  renderPlanMarkdown
} from "./chunk-OY3NMAG5.js";
import {
  clientTls,
  probeCluster
} from "./chunk-R6PYWJMK.js";
import {
  layoutByName
} from "./chunk-E33XPV3C.js";
import {
  loadInventory
} from "./chunk-ZSEXTH5J.js";
import {
  checkPlanObjects,
  checkSignature,
  requireSignedManifest
} from "./chunk-TNMCLJB6.js";
import {
  EtcdCtl
} from "./chunk-U6HZZ6QY.js";
import {
  canonicalJson,
  openSet,
  openStore
} from "./chunk-JN7VJA7J.js";
import {
  InputError,
  OperationError
} from "./chunk-BCQJ3TK4.js";

// src/commands/restore.ts
import { readFile as readFile2 } from "node:fs/promises";
import { dirname as dirname2, join } from "node:path";

// src/recovery/journal.ts
import { createHash } from "node:crypto";
import { mkdir, open, readFile } from "node:fs/promises";
import { dirname } from "node:path";
function planHash(plan) {
  return createHash("sha256").update(canonicalJson(plan)).digest("hex").slice(0, 16);
}
var FIELDS = {
  plan: {
    hash: "string",
    at: "string",
    plan: "object",
    planSha256: "string?",
    planFile: "object?"
  },
  "step-started": { hash: "string", at: "string", step: "string" },
  "step-done": { hash: "string", at: "string", step: "string", ms: "number", detail: "string?" },
  "step-failed": { hash: "string", at: "string", step: "string", ms: "number", error: "string" },
  finished: { hash: "string", at: "string" }
};
function typeOf(v) {
  return v === null ? "null" : Array.isArray(v) ? "array" : typeof v;
}
function entryProblem(e, plans) {
  if (typeOf(e) !== "object") return "it is not a JSON object";
  const o = e;
  const fields = Object.hasOwn(FIELDS, String(o.type)) ? FIELDS[o.type] : void 0;
  if (!fields) return `its type ${JSON.stringify(o.type)} is not one kube-rescue writes`;
  for (const key of Object.keys(o)) {
    if (key !== "type" && !(key in fields)) return `it has an unknown field '${key}'`;
  }
  for (const [key, want] of Object.entries(fields)) {
    const optional = want.endsWith("?");
    if (o[key] === void 0 && optional) continue;
    if (typeOf(o[key]) !== want.replace("?", ""))
      return `its field '${key}' is not a ${want.replace("?", "")}`;
  }
  const hash = o.hash;
  if (o.type === "plan") {
    const plan2 = o.plan;
    if (!Array.isArray(plan2.steps)) return "its plan has no steps";
    if (planHash(plan2) !== hash) {
      return `its plan hashes to ${planHash(plan2)}, not to the ${hash} it is filed under: the plan was edited`;
    }
    if (o.planFile !== void 0) {
      const file = o.planFile;
      if (canonicalJson(file.plan) !== canonicalJson(plan2))
        return "its plan file holds another plan";
      if (planFileSha256(file) !== o.planSha256) {
        return `its plan file hashes to ${planFileSha256(file)}, not to the ${String(o.planSha256)} recorded`;
      }
    }
    plans.set(hash, plan2);
    return void 0;
  }
  const plan = plans.get(hash);
  if (!plan) return `it belongs to plan ${hash}, which the journal never began`;
  if ("step" in o && !plan.steps.some((s) => s.id === o.step)) {
    return `plan ${hash} has no step ${JSON.stringify(o.step)}`;
  }
  return void 0;
}
function parseJournal(text, where, tornTailAllowed) {
  const lines = text.split("\n").filter((l) => l.trim() !== "");
  const entries = [];
  const plans = /* @__PURE__ */ new Map();
  for (const [i, line] of lines.entries()) {
    let parsed;
    try {
      parsed = JSON.parse(line);
    } catch {
      if (tornTailAllowed && i === lines.length - 1) break;
      throw new InputError(
        `Journal ${where}, line ${i + 1} is not JSON: it was edited or damaged. Move it aside to start a fresh plan.`
      );
    }
    const problem = entryProblem(parsed, plans);
    if (problem) {
      throw new InputError(
        `Journal ${where}, line ${i + 1} is not a journal entry: ${problem}. It was edited or damaged; move it aside to start a fresh plan.`
      );
    }
    entries.push(parsed);
  }
  return entries;
}
var Journal = class _Journal {
  constructor(path, entries, remote) {
    this.path = path;
    this.entries = entries;
    this.remote = remote;
  }
  path;
  entries;
  remote;
  /** Reads the journal at `path` (absent = empty). A torn last line from a crash is ignored. */
  static async open(path) {
    let text = "";
    try {
      text = await readFile(path, "utf8");
    } catch (err) {
      if (err.code !== "ENOENT") {
        throw new InputError(`Cannot read the journal ${path}: ${err.message}`);
      }
    }
    return new _Journal(path, parseJournal(text, path, true));
  }
  /** Reads the journal kept in a store (absent = empty), checked like any input from there. */
  static async openIn(store) {
    let text;
    try {
      text = await store.load();
    } catch (err) {
      const Failure = err instanceof InputError ? InputError : OperationError;
      throw new Failure(
        `Cannot read the journal ${store.where}: ${err.message}. A restore needs it to know what an earlier run did.`,
        { cause: err }
      );
    }
    return new _Journal(store.where, parseJournal(text ?? "", store.where, false), store);
  }
  /** Whether it came from a store (then a resumed plan must carry its plan file). */
  get inStore() {
    return this.remote !== void 0;
  }
  /** The last plan that was begun and never finished: the one a re-run must resume. */
  unfinished() {
    const last = this.entries.findLast((e) => e.type === "plan");
    if (last?.type !== "plan") return void 0;
    if (this.entries.some((e) => e.type === "finished" && e.hash === last.hash)) return void 0;
    return {
      hash: last.hash,
      plan: last.plan,
      ...last.planFile ? { planFile: last.planFile, planSha256: last.planSha256 } : {}
    };
  }
  completed(hash) {
    return new Set(
      this.entries.flatMap((e) => e.type === "step-done" && e.hash === hash ? [e.step] : [])
    );
  }
  /** Steps that started but never completed: a crash hit them midway. */
  interrupted(hash) {
    const done = this.completed(hash);
    return [
      ...new Set(
        this.entries.flatMap(
          (e) => e.type === "step-started" && e.hash === hash && !done.has(e.step) ? [e.step] : []
        )
      )
    ];
  }
  /** Records the start of `plan` (with the plan file it came from), unless resuming it. */
  async begin(plan, planFile) {
    const hash = planHash(plan);
    const current = this.unfinished();
    if (current?.hash === hash) return hash;
    await this.append({
      type: "plan",
      hash,
      at: (/* @__PURE__ */ new Date()).toISOString(),
      plan,
      ...planFile ? { planSha256: planFileSha256(planFile), planFile } : {}
    });
    return hash;
  }
  stepStarted(hash, step) {
    return this.append({ type: "step-started", hash, at: (/* @__PURE__ */ new Date()).toISOString(), step });
  }
  stepDone(hash, step, ms, detail) {
    return this.append({ type: "step-done", hash, at: (/* @__PURE__ */ new Date()).toISOString(), step, ms, detail });
  }
  stepFailed(hash, step, ms, error) {
    return this.append({
      type: "step-failed",
      hash,
      at: (/* @__PURE__ */ new Date()).toISOString(),
      step,
      ms,
      error
    });
  }
  finish(hash) {
    return this.append({ type: "finished", hash, at: (/* @__PURE__ */ new Date()).toISOString() });
  }
  /** Appends one line and fsyncs it: once this resolves, a crash cannot lose the record. */
  async append(entry) {
    if (this.remote) {
      const text = [...this.entries, entry].map((e) => `${JSON.stringify(e)}
`).join("");
      try {
        await this.remote.save(text);
      } catch (err) {
        throw new OperationError(
          `Cannot write the journal ${this.path}: ${err.message}. Without it a re-run could repeat steps; fix the store and run again.`,
          { cause: err }
        );
      }
      this.entries.push(entry);
      return;
    }
    try {
      await mkdir(dirname(this.path), { recursive: true, mode: 448 });
      const fh = await open(this.path, "a", 384);
      try {
        await fh.write(`${JSON.stringify(entry)}
`);
        await fh.sync();
      } finally {
        await fh.close();
      }
    } catch (err) {
      throw new OperationError(
        `Cannot write the journal ${this.path}: ${err.message}. Without it a re-run could repeat steps; fix the path (--journal) and run again.`,
        { cause: err }
      );
    }
    this.entries.push(entry);
  }
};

// src/recovery/execute.ts
var RecordingRunner = class {
  recorded = [];
  async run(step) {
    this.recorded.push(step);
    return `would ${step.action} on ${step.node}`;
  }
};
var RecoveryStepError = class extends OperationError {
  constructor(message, execution, options) {
    super(message, options);
    this.execution = execution;
  }
  execution;
};
function chainsByNodeAndLane(batch) {
  const by = /* @__PURE__ */ new Map();
  for (const step of batch) {
    const key = `${step.node}\0${step.lane ?? ""}`;
    const chain = by.get(key);
    if (chain) chain.push(step);
    else by.set(key, [step]);
  }
  return [...by.values()];
}
function batches(steps) {
  const out = [];
  for (const step of steps) {
    const last = out.at(-1);
    if (last && step.group !== void 0 && last[0].group === step.group) last.push(step);
    else out.push([step]);
  }
  return out;
}
async function executePlan(plan, runner, options) {
  const t0 = Date.now();
  const { journal, progress } = options;
  const expected = planHash(plan);
  const done = journal?.completed(expected) ?? /* @__PURE__ */ new Set();
  await runner.prepare?.(plan.steps.filter((s) => !done.has(s.id)));
  const hash = journal ? await journal.begin(plan, options.planFile) : expected;
  const interrupted = new Set(journal?.interrupted(hash) ?? []);
  const resumed = done.size > 0 || interrupted.size > 0;
  if (resumed) {
    progress.info(
      `Resuming plan ${hash} from ${journal.path}: ${done.size} of ${plan.steps.length} steps were completed by an earlier run and are not repeated.`
    );
  }
  const results = new Map(
    plan.steps.map((s) => [
      s.id,
      { id: s.id, action: s.action, node: s.node, status: "not-run", ms: 0 }
    ])
  );
  const runOne = async (step) => {
    const result = results.get(step.id);
    if (done.has(step.id)) {
      result.status = "done-before";
      progress.info(`${step.id}: completed by an earlier run, skipped`);
      return;
    }
    if (interrupted.has(step.id)) {
      progress.warn(
        `${step.id} was interrupted by the earlier run; running it again (each step checks what is already in place).`
      );
    }
    await journal?.stepStarted(hash, step.id);
    const started = Date.now();
    try {
      const detail = await progress.phase(
        `${step.id} on ${step.node}: ${step.reason}`,
        () => runner.run(step)
      );
      result.ms = Date.now() - started;
      result.status = "done";
      result.detail = detail;
      await journal?.stepDone(hash, step.id, result.ms, detail);
    } catch (err) {
      result.ms = Date.now() - started;
      result.status = "failed";
      result.error = err.message;
      await journal?.stepFailed(hash, step.id, result.ms, result.error);
      throw err;
    }
  };
  for (const batch of batches(plan.steps)) {
    const failed = [];
    await Promise.all(
      chainsByNodeAndLane(batch).map(async (chain) => {
        for (const step of chain) {
          try {
            await runOne(step);
          } catch (err) {
            failed.push([step, err]);
            return;
          }
        }
      })
    );
    if (failed.length > 0) {
      const [step, reason] = failed[0];
      const others = failed.length > 1 ? ` (and ${failed.length - 1} more steps of the same group)` : "";
      const execution = {
        planHash: hash,
        resumed,
        steps: [...results.values()],
        ms: Date.now() - t0
      };
      throw new RecoveryStepError(
        `Step ${step.id} (${step.action} on ${step.node}) failed${others}: ${reason.message}
Undo if needed: ${step.undo}.
` + (journal ? `Fix the cause and run restore again: it resumes from this step (journal ${journal.path}, plan ${hash}).` : "Fix the cause and run again."),
        execution,
        { cause: reason }
      );
    }
  }
  await journal?.finish(hash);
  return { planHash: hash, resumed, steps: [...results.values()], ms: Date.now() - t0 };
}

// src/commands/restore.ts
function defaultJournalPath(inventory) {
  return join(dirname2(inventory), ".kube-rescue-restore.journal");
}
var JOURNAL_SUFFIX = ".restore-journal.jsonl";
function backupLocationOf(plan) {
  if (plan.source.kind === "backup") return plan.source.location;
  for (const s of plan.steps) {
    if (s.action === "restore-certs" && s.params.from.kind === "backup") {
      return s.params.from.location;
    }
  }
  return void 0;
}
async function readPlanFile(path, expected) {
  let text;
  try {
    text = await readFile2(path, "utf8");
  } catch (err) {
    throw new InputError(`Cannot read the plan file ${path}: ${err.message}.`);
  }
  const sha256 = sha256Hex(text);
  if (expected && expected.toLowerCase() !== sha256) {
    throw new InputError(
      `The plan file ${path} has sha256 ${sha256}, not the ${expected} that was approved: it is not the plan the reviewer read. Run plan again.`
    );
  }
  const file = parsePlanFile(text, path);
  if (planFileSha256(file) !== sha256) {
    throw new InputError(
      `The plan file ${path} is not in the canonical form 'kube-rescue plan --out' writes (its sha256 would differ from the one shown). Run plan again.`
    );
  }
  return { file, sha256 };
}
async function journalStoreFor(opts, backupLocation, ctx) {
  if (!opts.journalStore) return void 0;
  let store;
  let name;
  if (opts.journalStore === "backup") {
    if (!backupLocation) {
      ctx.progress.warn(
        `The plan reads no backup set, so its journal cannot be kept beside one: it stays on this machine${opts.journal ? ` (${opts.journal})` : ""}, and a run on another machine cannot resume from it.`
      );
      return void 0;
    }
    const set = await openSet(backupLocation, opts.s3);
    store = set.store;
    name = `${set.setName}${JOURNAL_SUFFIX}`;
  } else {
    store = await openStore(opts.journalStore, opts.s3);
    name = `kube-rescue${JOURNAL_SUFFIX}`;
  }
  const { readSidecar, writeSidecar, sidecarUrl } = store;
  if (!readSidecar || !writeSidecar) {
    throw new InputError(`The store ${store.location} cannot keep a journal beside its sets.`);
  }
  return {
    where: sidecarUrl?.call(store, name) ?? `${store.location}/${name}`,
    load: () => readSidecar.call(store, name),
    save: (text) => writeSidecar.call(store, name, text)
  };
}
async function checkPlanFile(file, where, opts, ctx) {
  const inventory = await loadInventory(opts.inventory);
  const changed = inventoryChanges(file.inventory, planInventoryOf(inventory));
  if (changed.length > 0) {
    throw new InputError(
      `The inventory ${opts.inventory} is not the one the plan ${where} was made from: ${changed.join("; ")}. Run plan again with this inventory.`
    );
  }
  const location = file.backup?.location;
  if (opts.backup && opts.backup !== location) {
    throw new InputError(
      `--backup ${opts.backup} is not the backup set the plan ${where} reads (${location ?? "none"}). Drop --backup, or run plan again with it.`
    );
  }
  const trust = { trustedSigners: opts.trustedSigners, s3: opts.s3 };
  const signed = await checkSignature(location, trust);
  if (signed) reportSignature(signed.check, ctx);
  const backup = location ? await BackupSource.open(location, opts.identityFiles, opts.s3) : void 0;
  requireSignedManifest(signed, backup, trust);
  if (backup && backup.manifestSha256 !== file.backup?.manifestSha256) {
    throw new InputError(
      `The backup set ${location} changed since the plan ${where} was made: its manifest.json has sha256 ${backup.manifestSha256}, the plan recorded ${file.backup?.manifestSha256}. Run plan again.`
    );
  }
  replan(file, backup?.summary(), where);
  return { inventory, backup };
}
function requireNamedResume(file, where, opts, ctx) {
  const sha = planFileSha256(file);
  if (opts.planSha256 === sha) return;
  for (const line of renderPlanMarkdown(file.plan).split("\n")) ctx.progress.info(line);
  throw new InputError(
    `The journal ${where} (in a store) holds an unfinished plan, shown above, whose plan file has sha256 ${sha}` + (opts.planSha256 ? `, not the ${opts.planSha256} given with --plan-sha256` : "") + `. A plan read back from a store is resumed only when you name it: if it is the restore you began (its first run printed "Executing plan file sha256 ${sha}"), run restore again with --plan-sha256 ${sha}; if not, move ${where} aside in the store and plan afresh. Nothing was changed.`
  );
}
async function restore(opts, ctx) {
  const t0 = Date.now();
  if (!opts.yes && !opts.dryRun) {
    throw new InputError(
      "restore changes the cluster: read the plan ('kube-rescue plan ...'), then run restore again with --yes."
    );
  }
  const given = opts.planFile ? await readPlanFile(opts.planFile, opts.planSha256) : void 0;
  const remote = opts.dryRun ? void 0 : await journalStoreFor(opts, given?.file.backup?.location ?? opts.backup, ctx);
  const journalPath = opts.journal ?? defaultJournalPath(opts.inventory);
  const journal = opts.dryRun ? void 0 : remote ? await Journal.openIn(remote) : await Journal.open(journalPath);
  const pending = journal?.unfinished();
  let plan;
  let planFile;
  let backup;
  let transports;
  const transportsOf = (inventory) => opts.transportFor ? { transportFor: opts.transportFor, close: async () => {
  } } : openNodeTransports(inventory, opts.access);
  if (given) {
    planFile = given.file;
    plan = planFile.plan;
    const hash = planHash(plan);
    if (pending && pending.hash !== hash) {
      throw new InputError(
        `The journal ${journal.path} holds plan ${pending.hash} (${pending.plan.case}, planned ${pending.plan.createdAt}), which did not finish; the plan file ${opts.planFile} is plan ${hash}. Finish the journal\u2019s plan first (restore with its plan file), or move the journal aside if that plan is abandoned.`
      );
    }
    const checked = await checkPlanFile(planFile, opts.planFile, opts, ctx);
    backup = checked.backup;
    transports = transportsOf(checked.inventory);
    try {
      if (pending) {
        ctx.progress.info(
          `The journal ${journal.path} shows plan ${hash} begun and not finished: resuming it (no re-probe of a half-restored cluster).`
        );
      } else {
        const health = await ctx.progress.phase(
          "Re-probe the cluster the plan was made for",
          () => probeCluster(checked.inventory, transports.transportFor, opts.access, {
            progress: ctx.progress,
            goneHosts: planFile.options.removeHosts ?? [],
            ...opts.probeTimeoutMs !== void 0 ? { timeoutMs: opts.probeTimeoutMs } : {}
          })
        );
        const changes = clusterChanges(planFile.state, health);
        if (changes.length > 0) {
          throw new InputError(
            `the cluster changed since the plan was made: ${changes.join("; ")}; run plan again.`
          );
        }
      }
      await checkPlanObjects(plan, backup);
    } catch (err) {
      await transports.close();
      throw err;
    }
  } else if (pending) {
    plan = pending.plan;
    ctx.progress.info(
      `The journal ${journal.path} holds plan ${pending.hash} (${plan.case}, planned ${plan.createdAt}) that did not finish: resuming it instead of probing a half-restored cluster. Move the journal aside to plan afresh.`
    );
    if (pending.planFile) {
      if (journal.inStore) requireNamedResume(pending.planFile, journal.path, opts, ctx);
      planFile = pending.planFile;
      const checked = await checkPlanFile(planFile, journal.path, opts, ctx);
      backup = checked.backup;
      await checkPlanObjects(plan, backup);
      transports = transportsOf(checked.inventory);
    } else {
      if (journal.inStore) {
        throw new InputError(
          `The journal ${journal.path} holds plan ${pending.hash} without the plan file it ran: a plan read back from a store is run only when it can be checked. Move the journal aside and run plan again.`
        );
      }
      const location = opts.backup ?? backupLocationOf(plan);
      const trust = { trustedSigners: opts.trustedSigners, s3: opts.s3 };
      const signed = await checkSignature(location, trust);
      if (signed) reportSignature(signed.check, ctx);
      backup = location ? await BackupSource.open(location, opts.identityFiles, opts.s3) : void 0;
      requireSignedManifest(signed, backup, trust);
      await checkPlanObjects(plan, backup);
      transports = transportsOf(await loadInventory(opts.inventory));
    }
  } else {
    const prepared = await preparePlan(opts, ctx);
    plan = prepared.plan;
    planFile = prepared.planFile;
    backup = prepared.backup;
    transports = prepared;
  }
  const planSha256 = planFile ? planFileSha256(planFile) : void 0;
  if (planSha256) ctx.progress.info(`Executing plan file sha256 ${planSha256}.`);
  try {
    for (const line of renderPlanMarkdown(plan).split("\n")) ctx.progress.info(line);
    const layout = layoutByName(plan.layout, plan.paths);
    const anchor = plan.steps.find((s) => s.action === "verify").node;
    const runner = opts.dryRun ? new RecordingRunner() : new NodeStepRunner({
      plan,
      transportFor: transports.transportFor,
      layout,
      access: opts.access,
      backup,
      progress: ctx.progress,
      prefetchSnapshot: !opts.keyspaceOnNode,
      verify: async (observed) => {
        const t = await transports.transportFor(anchor);
        const cluster = new EtcdCtl(t, {
          endpoints: plan.members.map((m) => m.clientURL),
          tls: clientTls(opts.access, layout, anchor),
          progress: ctx.progress,
          commands: await layout.toolCommands(t)
        });
        return verifyRecovery({
          plan,
          cluster,
          layout,
          transportFor: async (h) => transports.transportFor(h),
          observed,
          keyspaceOnNode: opts.keyspaceOnNode,
          debug: (m) => ctx.progress.debug(m)
        });
      }
    });
    const execution = await executePlan(plan, runner, {
      progress: ctx.progress,
      journal,
      ...planFile ? { planFile } : {}
    }).finally(async () => {
      if (runner instanceof NodeStepRunner) await runner.discardPrefetched();
    });
    const verification = runner instanceof NodeStepRunner ? runner.observed.verification : void 0;
    return {
      plan,
      ...planSha256 ? { planSha256 } : {},
      execution,
      verification,
      rtoSeconds: (Date.now() - t0) / 1e3,
      journal: journal?.path
    };
  } finally {
    await transports.close();
  }
}

export {
  defaultJournalPath,
  JOURNAL_SUFFIX,
  restore
};
//# sourceMappingURL=chunk-BAUJBEHF.js.map
