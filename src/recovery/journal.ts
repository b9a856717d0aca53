import { createHash } from 'node:crypto';
import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { canonicalJson } from '../canonical-json.js';
import { InputError, OperationError } from '../errors.js';
import type { Plan } from './plan.js';

/**
 * The journal on the runner: one JSON object per line, each fsync'd before the step it
 * records is considered done. A re-run after a crash reads it, takes up the same plan (not
 * a new one from a cluster that is now half-restored), and skips every completed step.
 */
export type JournalEntry =
  | { type: 'plan'; hash: string; at: string; plan: Plan }
  | { type: 'step-started'; hash: string; at: string; step: string }
  | { type: 'step-done'; hash: string; at: string; step: string; ms: number; detail?: string }
  | { type: 'step-failed'; hash: string; at: string; step: string; ms: number; error: string }
  | { type: 'finished'; hash: string; at: string };

export function planHash(plan: Plan): string {
  return createHash('sha256').update(canonicalJson(plan)).digest('hex').slice(0, 16);
}

export class Journal {
  private constructor(
    readonly path: string,
    private readonly entries: JournalEntry[],
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
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    const entries: JournalEntry[] = [];
    lines.forEach((line, i) => {
      try {
        entries.push(JSON.parse(line) as JournalEntry);
      } catch {
        if (i !== lines.length - 1) {
          throw new InputError(
            `Journal ${path}, line ${i + 1} is not JSON: it was edited or damaged. Move it aside to start a fresh plan.`,
          );
        }
      }
    });
    return new Journal(path, entries);
  }

  /** The last plan that was begun and never finished: the one a re-run must resume. */
  unfinished(): { hash: string; plan: Plan } | undefined {
    const last = this.entries.findLast((e) => e.type === 'plan');
    if (last?.type !== 'plan') return undefined;
    if (this.entries.some((e) => e.type === 'finished' && e.hash === last.hash)) return undefined;
    return { hash: last.hash, plan: last.plan };
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

  async begin(plan: Plan): Promise<string> {
    const hash = planHash(plan);
    const current = this.unfinished();
    if (current?.hash === hash) return hash;
    await this.append({ type: 'plan', hash, at: new Date().toISOString(), plan });
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
