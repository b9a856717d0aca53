import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { restore } from '../../../src/commands/restore.js';
import { InputError } from '../../../src/errors.js';
import { silentProgress } from '../../../src/progress.js';
import { Journal } from '../../../src/recovery/journal.js';
import {
  clusterChanges,
  inventoryChanges,
  type PlanFile,
  parsePlanFile,
  planFileSha256,
  planFileText,
  replan,
} from '../../../src/recovery/plan-file.js';
import { memberLossPlan } from './fixtures.js';
import { inventory, memberLossPlanFile, probed } from './plan-file-fixture.js';

/** A deep copy to tamper with. */
const copy = (f: PlanFile): PlanFile => JSON.parse(JSON.stringify(f)) as PlanFile;
const parse = (f: unknown) => parsePlanFile(JSON.stringify(f), 'plan.json');

function refused(f: unknown, message: RegExp): void {
  let err: unknown;
  try {
    const file = parse(f);
    replan(file, undefined, 'plan.json');
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(InputError);
  expect((err as InputError).exitCode).toBe(2);
  expect((err as Error).message).toMatch(message);
}

describe('the plan file', () => {
  it('is canonical JSON whose sha256 is that of its bytes, and reads back as the same plan', () => {
    const file = memberLossPlanFile();
    const text = planFileText(file);
    expect(planFileSha256(file)).toBe(createHash('sha256').update(text).digest('hex'));
    // Another key order is the same plan and the same hash.
    const reordered = JSON.parse(text) as Record<string, unknown>;
    const shuffled = Object.fromEntries(Object.entries(reordered).reverse());
    const read = parsePlanFile(JSON.stringify(shuffled, null, 2), 'plan.json');
    expect(planFileSha256(read)).toBe(planFileSha256(file));
    expect(replan(read, undefined, 'plan.json')).toEqual(file.plan);
    expect(file.plan.case).toBe('member-loss');
  });

  it('refuses what is not a plan file of this version', () => {
    expect(() => parsePlanFile('{not json', 'p.json')).toThrow(
      /p.json is not a plan file: it is not JSON/,
    );
    refused({ ...memberLossPlanFile(), format: 'other' }, /not a kube-rescue plan file/);
    refused({ ...memberLossPlanFile(), version: 2 }, /format version "2".*reads version 1/);
  });

  it('refuses unknown fields at every level, naming them', () => {
    refused({ ...memberLossPlanFile(), extra: 1 }, /the file has an unknown field 'extra'/);
    const f = copy(memberLossPlanFile());
    (f.plan as unknown as Record<string, unknown>).hooks = ['sh -c id'];
    refused(f, /the plan has an unknown field 'hooks'/);
    const g = copy(memberLossPlanFile());
    (g.plan.steps[0] as unknown as Record<string, unknown>).command = 'rm -rf /';
    refused(g, /step 1 has an unknown field 'command'/);
    const h = copy(memberLossPlanFile());
    (h.plan.steps[1]!.params as Record<string, unknown>).script = 'x';
    refused(h, /step 2 \("02-move-aside-node3", move-aside\) has the unknown parameter 'script'/);
    const o = copy(memberLossPlanFile());
    (o.options as Record<string, unknown>).yes = true;
    refused(o, /options has an unknown field 'yes'/);
  });

  it('refuses a step of an unknown kind', () => {
    const f = copy(memberLossPlanFile());
    (f.plan.steps[0] as unknown as Record<string, unknown>).action = 'run-shell';
    refused(f, /unknown action "run-shell"/);
  });

  it('refuses a step that is not what our planner plans from the recorded state', () => {
    // Move aside /etc instead of the data dir: every value has a valid form, the plan is not ours.
    const f = copy(memberLossPlanFile());
    const step = f.plan.steps.find((s) => s.action === 'move-aside')!;
    (step.params as { path: string }).path = '/etc';
    refused(
      f,
      /not the plan kube-rescue builds from the cluster state it records \(step 02-move-aside-node3 differs\)/,
    );
    // A step dropped (here the member-remove before the re-add).
    const g = copy(memberLossPlanFile());
    g.plan.steps.splice(0, 1);
    refused(g, /its steps are 02-move-aside-node3, .*kube-rescue plans 01-member-remove-node1/);
    // Two steps swapped.
    const h = copy(memberLossPlanFile());
    [h.plan.steps[0], h.plan.steps[1]] = [h.plan.steps[1]!, h.plan.steps[0]!];
    refused(h, /its steps are 02-move-aside-node3, 01-member-remove-node1/);
  });

  it('refuses a line break in anything a step writes (an extra line in /etc/etcd.env)', () => {
    const f = copy(memberLossPlanFile());
    const env = f.plan.steps.find((s) => s.action === 'write-env')!;
    (env.params as { set: Record<string, string> }).set.ETCD_NAME = 'etcd3\nETCD_EXTRA=1';
    refused(f, /plan\.steps\[3\]\.params\.set\.ETCD_NAME holds a line break/);
  });

  it('refuses recorded values that could reach a shell, as the inventory checks do', () => {
    const f = copy(memberLossPlanFile());
    f.state.etcd[2]!.memberName = 'etcd3;reboot';
    refused(f, /state\.etcd\[2\]\.memberName is "etcd3;reboot", which cannot reach a node/);
    const g = copy(memberLossPlanFile());
    g.state.paths.dataDir = '/var/lib/$(id)';
    refused(g, /state\.paths\.dataDir .*absolute path/);
    const h = copy(memberLossPlanFile());
    h.state.members[0]!.peerURLs = ['https://10.0.0.1:2380,evil=https://6.6.6.6:2380'];
    refused(h, /state\.members\[0\]\.peerURLs\[0\]/);
    const i = copy(memberLossPlanFile());
    i.state.etcd[0]!.memberId = '1aa --force';
    refused(i, /memberId .*hex member id/);
    const j = copy(memberLossPlanFile());
    j.plan.paths.dataDir = '/var/lib/../../etc';
    refused(j, /plan\.paths\.dataDir/);
  });

  it('a consistent forgery of state and plan still has to match the re-probe', () => {
    // Someone marks node1 broken in the state and replans: the file is self-consistent...
    const state = probed(['node1']);
    const f = copy(memberLossPlanFile());
    f.state = state;
    expect(() => replan(parse(f), undefined, 'plan.json')).toThrow(
      /not the plan kube-rescue builds/,
    );
    // ...and the re-probe of the real cluster (node3 lost) says what differs, per node.
    expect(clusterChanges(state, probed(['node3']))).toEqual([
      'node1: etcd running was no, is yes, healthy was no, is yes, data dir was empty, is present',
      'node3: etcd running was yes, is no, healthy was yes, is no, data dir was present, is empty',
    ]);
  });
});

describe('the re-probe against what the plan assumed', () => {
  it('an unchanged cluster: nothing differs, though raft indexes and revisions moved on', () => {
    const now = probed(['node3']);
    for (const e of now.etcd) if (e.raftIndex !== undefined) e.raftIndex += 500;
    now.probedAt = '2026-11-22T01:10:00.000Z';
    expect(clusterChanges(probed(['node3']), now)).toEqual([]);
  });

  it('another node broke since: named with what changed', () => {
    const changes = clusterChanges(probed(['node3']), probed(['node2', 'node3']));
    expect(changes).toContain(
      'node2: etcd running was yes, is no, healthy was yes, is no, data dir was present, is empty',
    );
    expect(changes).toContain('cluster: quorum was yes, is no');
  });

  it('the broken member came back, with a new member id', () => {
    const now = probed([]);
    now.etcd[2]!.memberId = '4bb';
    now.members[2]!.id = '4bb';
    const changes = clusterChanges(probed(['node3']), now);
    expect(changes[0]).toBe(
      'node3: etcd running was no, is yes, healthy was no, is yes, member id was 3aa, is 4bb, data dir was empty, is present',
    );
    expect(changes.some((c) => c.startsWith('cluster: member list was'))).toBe(true);
  });

  it('other etcd binaries on a node, another layout path: both named', () => {
    const now = probed(['node3']);
    now.etcd[0]!.tools = {
      ...now.etcd[0]!.tools!,
      snapshotToolVersion: '3.5.21',
      server: '3.5.21',
    };
    now.paths = { ...now.paths, dataDir: '/data/etcd' };
    const changes = clusterChanges(probed(['node3']), now);
    expect(changes[0]).toBe(
      'node1: etcd tools was etcdutl 3.6.16, etcd 3.6.16, bumps, is etcdutl 3.5.21, etcd 3.5.21, bumps',
    );
    expect(changes.at(-1)).toMatch(
      /^cluster: paths was .*"dataDir":"\/var\/lib\/etcd".*is .*"dataDir":"\/data\/etcd"/,
    );
  });

  it('the inventory: its path may differ between runners, its hosts may not', () => {
    expect(inventoryChanges(inventory, { ...inventory, source: '/other/hosts.ini' })).toEqual([]);
    const moved = {
      ...inventory,
      etcd: inventory.etcd.map((e) => (e.host === 'node3' ? { ...e, address: '10.0.0.9' } : e)),
    };
    expect(inventoryChanges(inventory, moved)[0]).toMatch(
      /^etcd: the plan has .*10\.0\.0\.3.*the inventory .*10\.0\.0\.9/,
    );
  });
});

describe('restore --plan refuses before anything is read from the cluster', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kr-planfile-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const run = (o: Record<string, unknown>) =>
    restore(
      {
        inventory: join(dir, 'does-not-exist.ini'),
        access: { transport: 'docker', layout: 'auto' },
        identityFiles: [],
        strategy: 'parallel',
        force: false,
        yes: true,
        journal: join(dir, 'journal'),
        // Any node contact fails the test: the refusals come first.
        transportFor: () => {
          throw new Error('a node was contacted');
        },
        ...o,
      },
      { progress: silentProgress },
    );

  it('a plan file whose sha256 is not the approved one', async () => {
    const path = join(dir, 'plan.json');
    await writeFile(path, planFileText(memberLossPlanFile()));
    const attempt = run({ planFile: path, planSha256: 'a'.repeat(64) });
    await expect(attempt).rejects.toMatchObject({ exitCode: 2 });
    await expect(attempt).rejects.toThrow(
      /has sha256 [0-9a-f]{64}, not the a{64} that was approved/,
    );
  });

  it('a plan file not in canonical form (its hash would not be the one shown)', async () => {
    const path = join(dir, 'plan.json');
    await writeFile(path, JSON.stringify(memberLossPlanFile(), null, 2));
    await expect(run({ planFile: path })).rejects.toThrow(/not in the canonical form/);
  });

  it('a journal that holds another unfinished plan', async () => {
    const path = join(dir, 'plan.json');
    await writeFile(path, planFileText(memberLossPlanFile()));
    const journal = await Journal.open(join(dir, 'journal'));
    const other = memberLossPlan();
    await journal.begin(other);
    const attempt = run({ planFile: path });
    await expect(attempt).rejects.toMatchObject({ exitCode: 2 });
    await expect(attempt).rejects.toThrow(
      /holds plan [0-9a-f]{16} \(member-loss.*which did not finish; the plan file .* is plan [0-9a-f]{16}/,
    );
  });
});
