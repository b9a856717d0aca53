import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { Journal, type JournalStore, planHash } from '../../../src/recovery/journal.js';
import { planFileSha256 } from '../../../src/recovery/plan-file.js';
import { LocalStore } from '../../../src/stores/local.js';
import { crashThenResume } from './crashing-runner.js';
import { memberLossPlanFile } from './plan-file-fixture.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kr-journal-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The journal beside a set in a local directory store, as `--journal-store backup` keeps it. */
function besideSet(store: LocalStore, name: string): JournalStore {
  return {
    where: store.sidecarUrl(name),
    load: () => store.readSidecar(name),
    save: (text) => store.writeSidecar(name, text),
  };
}

describe('a journal kept in a store', () => {
  it('resumes on another runner with the plan file it ran, never repeating a step', async () => {
    const store = new LocalStore(join(dir, 'backups'));
    await mkdir(join(dir, 'backups', 'cluster.local-20261122T010000Z'), { recursive: true });
    const name = 'cluster.local-20261122T010000Z.restore-journal.jsonl';
    const file = memberLossPlanFile();
    await crashThenResume(file, {
      first: () => Journal.openIn(besideSet(store, name)),
      between: async () => {
        const path = join(dir, 'backups', name);
        expect((await stat(path)).mode & 0o777).toBe(0o600);
        // Not a backup set: the store does not list it.
        expect(await store.list()).toEqual([]);
      },
      again: () => Journal.openIn(besideSet(new LocalStore(join(dir, 'backups')), name)),
      reopened: (again) => {
        expect(again.inStore).toBe(true);
        expect(again.unfinished()!.planSha256).toBe(planFileSha256(file));
      },
    });
  });

  it('refuses a journal whose plan was edited, or with entries of no plan it began', async () => {
    const file = memberLossPlanFile();
    const path = join(dir, 'j');
    const journal = await Journal.open(path);
    await journal.begin(file.plan, file);
    await journal.stepStarted(planHash(file.plan), file.plan.steps[0]!.id);
    const lines = (await readFile(path, 'utf8')).trim().split('\n');

    const edited = JSON.parse(lines[0]!);
    edited.plan.steps[1].params.path = '/etc';
    edited.planFile.plan = edited.plan;
    await writeFile(path, `${JSON.stringify(edited)}\n${lines[1]}\n`);
    await expect(Journal.open(path)).rejects.toThrow(
      /line 1 is not a journal entry: its plan hashes to [0-9a-f]{16}, not to the [0-9a-f]{16} it is filed under/,
    );

    await writeFile(path, `${lines[1]}\n`);
    await expect(Journal.open(path)).rejects.toThrow(/which the journal never began/);

    const unknown = { ...JSON.parse(lines[1]!), type: 'run-command', command: 'id' };
    await writeFile(path, `${lines[0]}\n${JSON.stringify(unknown)}\n`);
    await expect(Journal.open(path)).rejects.toThrow(/"run-command" is not one kube-rescue writes/);

    const otherStep = { ...JSON.parse(lines[1]!), step: '99-anything' };
    await writeFile(path, `${lines[0]}\n${JSON.stringify(otherStep)}\n`);
    await expect(Journal.open(path)).rejects.toBeInstanceOf(InputError);

    // The plan file it carries must be that plan and hash to what is recorded.
    const swapped = JSON.parse(lines[0]!);
    swapped.planSha256 = 'f'.repeat(64);
    await writeFile(path, `${JSON.stringify(swapped)}\n`);
    await expect(Journal.open(path)).rejects.toThrow(/its plan file hashes to/);
  });

  it('in a store, a torn last line is damage, not a crash mid-append', async () => {
    const store = new LocalStore(dir);
    const file = memberLossPlanFile();
    const journal = await Journal.openIn(besideSet(store, 'x.restore-journal.jsonl'));
    await journal.begin(file.plan, file);
    const path = join(dir, 'x.restore-journal.jsonl');
    await writeFile(path, `${await readFile(path, 'utf8')}{"type":"step-st`);
    await expect(Journal.openIn(besideSet(store, 'x.restore-journal.jsonl'))).rejects.toThrow(
      /line 2 is not JSON/,
    );
    // The same in a local file is a crash mid-append: the record is dropped.
    expect((await Journal.open(path)).unfinished()?.hash).toBe(planHash(file.plan));
  });
});
