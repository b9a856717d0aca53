import { createHash } from 'node:crypto';
import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { canonicalJson } from '../canonical-json.js';
import { InputError, OperationError } from '../errors.js';
import type { Plan } from './plan.js';
import { type PlanFile, planFileSha256 } from './plan-file.js';

/**
 * The journal: one JSON object per line, each made durable before the step it records is
 * considered done. A re-run after a crash reads it, takes up the same plan (not a new one
 * from a cluster that is now half-restored), and skips every completed step.
 *
 * It lives in a local file (the CLI's default) or in a store beside the backup set (the
 * action's default, so a restore interrupted on one runner resumes on the next). Read back,
 * it is untrusted input like the store it comes from: every line must be an entry of a known
 * type, every step entry must belong to a plan the journal began, and a plan entry's plan
 * must hash to the hash it is filed under (and equal the plan file it carries).
 */
export type JournalEntry =
  | {
      type: 'plan';
      hash: string;
      at: string;
      plan: Plan;
      /** The plan file this run executes (sha256 and content): a resume re-checks it. */
      planSha256?: string;
      planFile?: PlanFile;
    }
  | { type: 'step-started'; hash: string; at: string; step: string }
  | { type: 'step-done'; hash: string; at: string; step: string; ms: number; detail?: string }
  | { type: 'step-failed'; hash: string; at: string; step: string; ms: number; error: string }
  | { type: 'finished'; hash: string; at: string };

export function planHash(plan: Plan): string {
  return createHash('sha256').update(canonicalJson(plan)).digest('hex').slice(0, 16);
}

/** Where a journal is kept when not in a local file: one small object a store reads and replaces. */
export interface JournalStore {
  /** For people: the URL or path of the object. */
  readonly where: string;
  /** The journal's text, or null when there is none yet. */
  load(): Promise<string | null>;
  /** Replaces the object with the whole text; resolves once the store holds it. */
  save(text: string): Promise<void>;
}

const FIELDS: Record<JournalEntry['type'], Record<string, string>> = {
  plan: {
    hash: 'string',
    at: 'string',
    plan: 'object',
    planSha256: 'string?',
    planFile: 'object?',
  },
  'step-started': { hash: 'string', at: 'string', step: 'string' },
  'step-done': { hash: 'string', at: 'string', step: 'string', ms: 'number', detail: 'string?' },
  'step-failed': { hash: 'string', at: 'string', step: 'string', ms: 'number', error: 'string' },
  finished: { hash: 'string', at: 'string' },
};

function typeOf(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

/** Checks one parsed line; returns the reason it is not a journal entry, if it is not. */
function entryProblem(e: unknown, plans: Map<string, Plan>): string | undefined {
  if (typeOf(e) !== 'object') return 'it is not a JSON object';
  const o = e as Record<string, unknown>;
  const fields = Object.hasOwn(FIELDS, String(o.type))
    ? FIELDS[o.type as JournalEntry['type']]
    : undefined;
  if (!fields) return `its type ${JSON.stringify(o.type)} is not one kube-rescue writes`;
  for (const key of Object.keys(o)) {
    if (key !== 'type' && !(key in fields)) return `it has an unknown field '${key}'`;
  }
  for (const [key, want] of Object.entries(fields)) {
    const optional = want.endsWith('?');
    if (o[key] === undefined && optional) continue;
    if (typeOf(o[key]) !== want.replace('?', ''))
      return `its field '${key}' is not a ${want.replace('?', '')}`;
  }
  const hash = o.hash as string;
  if (o.type === 'plan') {
    const plan = o.plan as Plan;
    if (!Array.isArray(plan.steps)) return 'its plan has no steps';
    if (planHash(plan) !== hash) {
      return `its plan hashes to ${planHash(plan)}, not to the ${hash} it is filed under: the plan was edited`;
    }
    if (o.planFile !== undefined) {
      const file = o.planFile as PlanFile;
      if (canonicalJson(file.plan) !== canonicalJson(plan))
        return 'its plan file holds another plan';
      if (planFileSha256(file) !== o.planSha256) {
        return `its plan file hashes to ${planFileSha256(file)}, not to the ${String(o.planSha256)} recorded`;
      }
    }
    plans.set(hash, plan);
    return undefined;
  }
  const plan = plans.get(hash);
  if (!plan) return `it belongs to plan ${hash}, which the journal never began`;
  if ('step' in o && !plan.steps.some((s) => s.id === o.step)) {
    return `plan ${hash} has no step ${JSON.stringify(o.step)}`;
  }
  return undefined;
}

/**
 * Parses and checks a journal's text. A torn last line (a crash mid-append to a local file)
 * is dropped when `tornTailAllowed`; a store replaces its object whole, so there it is damage.
 */
export function parseJournal(
  text: string,
  where: string,
  tornTailAllowed: boolean,
): JournalEntry[] {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const entries: JournalEntry[] = [];
  const plans = new Map<string, Plan>();
  for (const [i, line] of lines.entries()) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      if (tornTailAllowed && i === lines.length - 1) break;
      throw new InputError(
        `Journal ${where}, line ${i + 1} is not JSON: it was edited or damaged. Move it aside to start a fresh plan.`,
      );
    }
    const problem = entryProblem(parsed, plans);
    if (problem) {
      throw new InputError(
        `Journal ${where}, line ${i + 1} is not a journal entry: ${problem}. It was edited or damaged; move it aside to start a fresh plan.`,
      );
    }
    entries.push(parsed as JournalEntry);
  }
  return entries;
}

export class Journal {
  private constructor(
    /** The local file, or the store object's URL. */
    readonly path: string,
    private readonly entries: JournalEntry[],
    /** Set when the journal lives in a store: every append replaces its object there. */
    private readonly remote?: JournalStore,
  ) {}

  /** Reads the journal at `path` (absent = empty). A torn last line from a crash is ignored. */
  static async open(path: string): Promise<Journal> {
    let text = '';
    try {
      text = await readFile(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new InputError(`Cannot read the journal ${path}: ${(err as Error).message}`);
      }
    }
    return new Journal(path, parseJournal(text, path, true));
  }

  /** Reads the journal kept in a store (absent = empty), checked like any input from there. */
  static async openIn(store: JournalStore): Promise<Journal> {
    let text: string | null;
    try {
      text = await store.load();
    } catch (err) {
      // A refused token or a bad location is the user's to fix (exit 2); the rest is ours.
      const Failure = err instanceof InputError ? InputError : OperationError;
      throw new Failure(
        `Cannot read the journal ${store.where}: ${(err as Error).message}. A restore needs it to know what an earlier run did.`,
        { cause: err },
      );
    }
    return new Journal(store.where, parseJournal(text ?? '', store.where, false), store);
  }

  /** Whether it came from a store (then a resumed plan must carry its plan file). */
  get inStore(): boolean {
    return this.remote !== undefined;
  }

  /** The last plan that was begun and never finished: the one a re-run must resume. */
  unfinished(): { hash: string; plan: Plan; planFile?: PlanFile; planSha256?: string } | undefined {
    const last = this.entries.findLast((e) => e.type === 'plan');
    if (last?.type !== 'plan') return undefined;
    if (this.entries.some((e) => e.type === 'finished' && e.hash === last.hash)) return undefined;
    return {
      hash: last.hash,
      plan: last.plan,
      ...(last.planFile ? { planFile: last.planFile, planSha256: last.planSha256 } : {}),
    };
  }

  completed(hash: string): Set<string> {
    return new Set(
      this.entries.flatMap((e) => (e.type === 'step-done' && e.hash === hash ? [e.step] : [])),
    );
  }

  /** Steps that started but never completed: a crash hit them midway. */
  interrupted(hash: string): string[] {
    const done = this.completed(hash);
    return [
      ...new Set(
        this.entries.flatMap((e) =>
          e.type === 'step-started' && e.hash === hash && !done.has(e.step) ? [e.step] : [],
        ),
      ),
    ];
  }

  /** Records the start of `plan` (with the plan file it came from), unless resuming it. */
  async begin(plan: Plan, planFile?: PlanFile): Promise<string> {
    const hash = planHash(plan);
    const current = this.unfinished();
    if (current?.hash === hash) return hash;
    await this.append({
      type: 'plan',
      hash,
      at: new Date().toISOString(),
      plan,
      ...(planFile ? { planSha256: planFileSha256(planFile), planFile } : {}),
    });
    return hash;
  }

  stepStarted(hash: string, step: string): Promise<void> {
    return this.append({ type: 'step-started', hash, at: new Date().toISOString(), step });
  }

  stepDone(hash: string, step: string, ms: number, detail?: string): Promise<void> {
    return this.append({ type: 'step-done', hash, at: new Date().toISOString(), step, ms, detail });
  }

  stepFailed(hash: string, step: string, ms: number, error: string): Promise<void> {
    return this.append({
      type: 'step-failed',
      hash,
      at: new Date().toISOString(),
      step,
      ms,
      error,
    });
  }

  finish(hash: string): Promise<void> {
    return this.append({ type: 'finished', hash, at: new Date().toISOString() });
  }

  /** Appends one line and fsyncs it: once this resolves, a crash cannot lose the record. */
  private async append(entry: JournalEntry): Promise<void> {
    if (this.remote) {
      const text = [...this.entries, entry].map((e) => `${JSON.stringify(e)}\n`).join('');
      try {
        await this.remote.save(text);
      } catch (err) {
        throw new OperationError(
          `Cannot write the journal ${this.path}: ${(err as Error).message}. Without it a re-run could repeat steps; fix the store and run again.`,
          { cause: err },
        );
      }
      this.entries.push(entry);
      return;
    }
    try {
      await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
      const fh = await open(this.path, 'a', 0o600);
      try {
        await fh.write(`${JSON.stringify(entry)}\n`);
        await fh.sync();
      } finally {
        await fh.close();
      }
    } catch (err) {
      throw new OperationError(
        `Cannot write the journal ${this.path}: ${(err as Error).message}. Without it a re-run could repeat steps; fix the path (--journal) and run again.`,
        { cause: err },
      );
    }
    this.entries.push(entry);
  }
}
