import { mkdtempSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer, text } from 'node:stream/consumers';
import type { ArtifactClient } from '@actions/artifact';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdentity } from '../../../src/backup/age.js';
import { pruneSets } from '../../../src/backup/prune.js';
import { JOURNAL_SUFFIX } from '../../../src/commands/restore.js';
import { silentProgress } from '../../../src/progress.js';
import { BackupSource } from '../../../src/recovery/backup-source.js';
import { Journal, type JournalStore } from '../../../src/recovery/journal.js';
import type { Plan, Step } from '../../../src/recovery/plan.js';
import { checkPlanObjects } from '../../../src/recovery/preflight.js';
import { ArtifactStore, useGitHubToken } from '../../../src/stores/artifact.js';
import { type CrossRunAccess, crossRunAccessFrom } from '../../../src/stores/artifact-runs.js';
import { writeBackupSet } from '../../support/artifact-sets.js';
import { GitHubArtifactsMock } from '../../support/github-artifacts.js';
import { refusal } from '../../support/refusal.js';
import { crashThenResume } from '../recovery/crashing-runner.js';
import { memberLossPlanFile } from '../recovery/plan-file-fixture.js';

// GitHub's REST API and the job's artifact service cannot exist here: the MOCK in
// test/support/github-artifacts.ts speaks the subset @actions/artifact 6 uses, on loopback.
// Everything else is real: the @actions/artifact client (its uploads make the zips the mock
// keeps, its findBy calls read them), our ArtifactStore, the backup pipeline's objects (gzip +
// age), manifests, `verify`, retention and the journal. Proven here: which requests our code
// makes and what it does with the answers. Not proven: that GitHub answers the same way.

const TOKEN = 'ghs_0123456789abcdefghijklmnopqrstuvwxyzAB';
const mock = new GitHubArtifactsMock(TOKEN);
const staging = mkdtempSync(join(tmpdir(), 'kr-artifact-runs-'));
const recipient = generateIdentity();
const identityFile = join(staging, 'identity.txt');
writeFileSync(identityFile, `${recipient.secret}\n`, { mode: 0o600 });
let client: ArtifactClient;

/** As a job of run `runId` sees the artifact service (the runner's environment). */
function inRun(runId: number): void {
  Object.assign(process.env, mock.jobEnv(runId));
}

function access(token = TOKEN): CrossRunAccess {
  return crossRunAccessFrom(token)!;
}

/** The store a job of `runId` opens for artifact://; with `token`, earlier runs too. */
function storeOf(runId: number, token: string | null = TOKEN): ArtifactStore {
  inRun(runId);
  return new ArtifactStore(client, staging, undefined, token ? access(token) : undefined);
}

/** A backup set uploaded by a job of `runId` (see writeBackupSet). */
async function uploadSet(runId: number, setName: string, tamper = false): Promise<void> {
  await writeBackupSet(storeOf(runId), setName, recipient.identity.recipient, tamper);
}

const idOf = (name: string) => mock.named(name)[0].id;

/** A plan whose one step restores node1's certificates from `object` of the set. */
function planReading(location: string, object = 'node1-pki.tar.gz.age'): Plan {
  const base = memberLossPlanFile().plan;
  const step: Step = {
    id: '09-restore-certs-node1',
    node: 'node1',
    action: 'restore-certs',
    params: { from: { kind: 'backup', location, object } },
    reason: 'test',
    undo: 'test',
    destructive: true,
  };
  return { ...base, steps: [step] };
}
const restRequests = () => mock.requests.filter((r) => r.url.startsWith('/api/'));

beforeAll(async () => {
  await mock.start();
  // @actions/github reads GITHUB_API_URL when it loads: the client is loaded after it is set.
  inRun(101);
  const { DefaultArtifactClient } = await import('@actions/artifact');
  client = new DefaultArtifactClient();
  // Two earlier runs of the scheduled backup, and what else a repository's runs upload.
  await uploadSet(101, 'c-20261120T021700Z');
  await uploadSet(102, 'c-20261121T021700Z');
  await uploadSet(102, 'c-20261122T021700Z');
  await uploadSet(102, 'd-20261122T021700Z', true);
  inRun(102);
  writeFileSync(join(staging, 'kube-rescue-plan.json'), '{}');
  await client.uploadArtifact('recovery-plan', [join(staging, 'kube-rescue-plan.json')], staging);
  // A pull request from a fork runs in the repository and may upload under any name.
  mock.forkRuns.add(103);
  await uploadSet(103, 'c-20261123T021700Z');
}, 60_000);

afterAll(async () => {
  useGitHubToken(undefined);
  await mock.close();
  await rm(staging, { recursive: true, force: true });
});

describe('artifact:// across workflow runs (against a mock of GitHub, real @actions/artifact)', () => {
  it("lists the sets of two earlier runs, oldest first, leaving out a fork's upload and other artifacts", async () => {
    mock.requests.length = 0;
    const sets = await storeOf(104).list();
    expect(sets).toEqual([
      'c-20261120T021700Z',
      'c-20261121T021700Z',
      'c-20261122T021700Z',
      'd-20261122T021700Z',
    ]);
    // The repository's list, with the token; this run's own through the job's service.
    expect(restRequests().map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /api/repos/example/cluster-ops/actions/artifacts?per_page=100&page=1',
    ]);
    expect(restRequests()[0].authorization).toBe(`Bearer ${TOKEN}`);
  });

  it("reads a set of an earlier run through findBy, through the restore's own hash checks", async () => {
    useGitHubToken(TOKEN);
    inRun(104);
    mock.requests.length = 0;
    const backup = await BackupSource.open('artifact://c-20261121T021700Z', [identityFile]);
    expect(backup.manifest.setName).toBe('c-20261121T021700Z');
    // Sizes and the age header of what a plan reads, then the archive in full, both sha256s.
    expect(await checkPlanObjects(planReading('artifact://c-20261121T021700Z'), backup)).toEqual([
      { name: 'node1-pki.tar.gz.age', bytes: expect.any(Number), encrypted: true },
    ]);
    const plain = await backup.streamTo('node1-pki.tar.gz.age', (s) => buffer(s));
    expect(plain.length).toBe(20_000);
    const id = idOf('c-20261121T021700Z');
    // One download for all of it: found in the repository's list, confirmed in its run.
    expect(restRequests().map((q) => `${q.method} ${q.url}`)).toEqual([
      'GET /api/repos/example/cluster-ops/actions/artifacts?per_page=100&page=1&name=c-20261121T021700Z',
      'GET /api/repos/example/cluster-ops/actions/runs/102/artifacts?name=c-20261121T021700Z',
      `GET /api/repos/example/cluster-ops/actions/artifacts/${id}/zip`,
    ]);
  });

  it('an object of an earlier run that differs from its manifest is refused when read, naming it', async () => {
    useGitHubToken(TOKEN);
    inRun(104);
    const backup = await BackupSource.open('artifact://d-20261122T021700Z', [identityFile]);
    // Same size, so the stat passes; the hashes do not.
    await checkPlanObjects(planReading('artifact://d-20261122T021700Z', 'node1-pki.tar'), backup);
    await expect(backup.streamTo('node1-pki.tar', (s) => buffer(s))).rejects.toThrow(
      /artifact:\/\/d-20261122T021700Z\/node1-pki\.tar does not match its manifest \(stored sha256 [0-9a-f]{64}, expected [0-9a-f]{64}/,
    );
  });

  it('prunes by retention across runs: the DELETE requests are exactly the sets retention drops', async () => {
    const store = storeOf(104);
    const dropped = [idOf('c-20261120T021700Z'), idOf('c-20261121T021700Z')];
    const kept = idOf('c-20261122T021700Z');
    const fork = idOf('c-20261123T021700Z');
    mock.restDeletes.length = 0;
    const decision = await pruneSets(store, 'c', { keep: 1 }, silentProgress);
    expect(decision.remove).toEqual(['c-20261120T021700Z', 'c-20261121T021700Z']);
    expect(mock.restDeletes).toEqual(dropped);
    expect(mock.artifacts.map((a) => a.id)).toContain(kept);
    expect(mock.artifacts.map((a) => a.id)).toContain(fork);
    expect(await store.list()).toEqual(['c-20261122T021700Z', 'd-20261122T021700Z']);
  });

  it('a wrong token: a clear refusal naming the token input, before anything is read, never the token', async () => {
    const wrong = 'ghs_wrongwrongwrongwrongwrongwrongwrong';
    const store = storeOf(104, wrong);
    const listed = await refusal(store.list());
    expect(listed).toContain(
      "GitHub refused the token of input 'github-token' (401 Bad credentials)",
    );
    expect(listed).toContain('example/cluster-ops');
    expect(listed).not.toContain(wrong);
    const read = await refusal(store.read('c-20261122T021700Z', 'manifest.json'));
    expect(read).toContain("input 'github-token'");
    expect(read).not.toContain(wrong);
  });

  it('no token: a list, and a set of an earlier run, are refused saying cross-run needs the token', async () => {
    const store = storeOf(104, null);
    mock.requests.length = 0;
    const listed = await refusal(store.list());
    expect(listed).toContain("needs a GitHub token, and input 'github-token' is empty");
    expect(listed).toContain('permissions: actions: read');
    const read = await refusal(store.read('c-20261122T021700Z', 'manifest.json'));
    expect(read).toContain('not an artifact of this run');
    expect(read).toContain("input 'github-token' is empty");
    // Only this run's own artifact service was asked.
    expect(restRequests()).toEqual([]);
  });

  it("a set of this run is read without a token (the job's own artifact service)", async () => {
    await uploadSet(104, 'e-20261124T021700Z');
    const store = storeOf(104, null);
    const m = await text(await store.read('e-20261124T021700Z', 'manifest.json'));
    expect(JSON.parse(m).setName).toBe('e-20261124T021700Z');
  });
});

/** The journal beside a set in the artifact store, as `restore --journal-store backup` keeps it. */
function besideSet(store: ArtifactStore, setName: string): JournalStore {
  const name = `${setName}${JOURNAL_SUFFIX}`;
  return {
    where: store.sidecarUrl(name),
    load: () => store.readSidecar(name),
    save: (t) => store.writeSidecar(name, t),
  };
}

describe('the restore journal kept as an artifact', () => {
  it('is written as an artifact by one run and resumed by the next run, never repeating a step', async () => {
    const set = 'c-20261122T021700Z';
    const file = memberLossPlanFile();
    const first = storeOf(201);
    await crashThenResume(file, {
      first: () => Journal.openIn(besideSet(first, set)),
      between: async () => {
        expect(mock.named(`${set}${JOURNAL_SUFFIX}`).map((a) => a.runId)).toEqual([201]);
        // A journal is not a backup set.
        expect(await first.list()).not.toContain(`${set}${JOURNAL_SUFFIX}`);
      },
      // The re-run: a new workflow run on a new runner finds the journal of run 201.
      again: () => Journal.openIn(besideSet(storeOf(202), set)),
    });
    // Run 202 wrote its own, newer copy; that is the one a third run reads: finished.
    expect(mock.named(`${set}${JOURNAL_SUFFIX}`).map((a) => a.runId)).toEqual([202, 201]);
    const third = await Journal.openIn(besideSet(storeOf(203), set));
    expect(third.unfinished()).toBeUndefined();
  });

  it('a wrong token is said when the journal is read, not taken for "no journal"', async () => {
    const store = storeOf(204, 'ghs_wrongwrongwrongwrongwrongwrongwrong');
    const message = await refusal(Journal.openIn(besideSet(store, 'c-20261122T021700Z')));
    expect(message).toContain(
      'Cannot read the journal artifact://c-20261122T021700Z.restore-journal.jsonl',
    );
    expect(message).toContain("GitHub refused the token of input 'github-token'");
  });
});
