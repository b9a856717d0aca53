import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import tarStream from 'tar-stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { deleteCerts } from '../../../harness/index.js';
import { DEFAULT_ETCD_VERSION } from '../../../harness/tools.js';
import {
  type AgeRecipient,
  createAgeEncryptStream,
  generateIdentity,
  loadIdentityFiles,
} from '../../../src/backup/age.js';
import { createCompressor } from '../../../src/backup/compression.js';
import {
  buildManifest,
  type Manifest,
  parseManifest,
  serializeManifest,
} from '../../../src/backup/manifest.js';
import { HashingStage, readObject } from '../../../src/backup/pipeline.js';
import { kubesprayLayout } from '../../../src/etcd/layout.js';
import type { Transport } from '../../../src/nodes/transport.js';
import { StderrProgress } from '../../../src/progress.js';
import { BackupSource } from '../../../src/recovery/backup-source.js';
import { NodeStepRunner } from '../../../src/recovery/node-steps.js';
import { type Plan, type Step, stamp } from '../../../src/recovery/plan.js';
import { backUpHarnessCluster } from './harness-backup.js';
import { inventoryWithBrokenGroups, recoverCluster, seededClusterPerSuite } from './recover.js';

// The attack of issue 14, on one stacked cluster: a node's certificate archive re-packed with
// members that do not belong, compressed and re-encrypted to the set's own recipient, sizes,
// hashes and digest recomputed. Every restore must refuse before the first change, naming the
// member; the node afterwards is byte for byte what it was.
const progress = new StderrProgress({ quiet: !process.env.KUBE_RESCUE_VERBOSE });
const seeded = seededClusterPerSuite('stacked3', progress, DEFAULT_ETCD_VERSION);
let backup: string;
let identityFile: string;
let recipient: AgeRecipient;
let inventory: string;

/** Everything a restore could write on the node, listed with type, mode, owner, link and sha256. */
const WATCHED = [
  '/etc/ssl',
  '/etc/kubernetes',
  '/etc/etcd.env',
  '/etc/systemd/system',
  '/etc/cron.d',
  '/etc/shadow',
  '/root',
  '/var/tmp',
  '/tmp',
];
async function nodeState(node = 'node1'): Promise<string> {
  const r = await seeded.env.cluster
    .node(node)
    .sh(
      `find ${WATCHED.join(' ')} -xdev -printf '%p %y %m %U:%G %l\\n' 2>/dev/null | sort; ` +
        `find ${WATCHED.join(' ')} -xdev -type f -exec sha256sum {} + 2>/dev/null | sort -k2`,
    );
  return r.stdout;
}

async function memberList(): Promise<string[]> {
  const list = await seeded.env.client.cluster.memberList({});
  return list.members.map((m) => `${m.name} ${m.ID} ${m.peerURLs.join(',')}`).sort();
}

type Extra = Partial<tarStream.Header> & { name: string; body?: string };

/**
 * A copy of the set whose `node`'s archive also holds `extra` members (and, with `paths`, a
 * manifest that lists those too), packed, gzip'd and age-encrypted with our own code to the
 * set's recipient; the manifest's bytes, hashes and digest recomputed, as an attacker can.
 */
async function tamperedSet(
  name: string,
  extra: Extra[],
  opts: { node?: string; paths?: string[] } = {},
): Promise<string> {
  const node = opts.node ?? 'node1';
  const setName = backup.split('/').at(-1)!;
  const location = join(seeded.env.work, `tampered-${name}`, setName);
  await cp(backup, location, { recursive: true });
  const manifest = parseManifest(
    await readFile(join(location, 'manifest.json'), 'utf8'),
    'original manifest',
  );
  const object = manifest.objects.find((o) => o.kind === 'node-files' && o.node === node)!;
  const chunks: Buffer[] = [];
  await readObject(Readable.from([await readFile(join(location, object.name))]), object, {
    identities: await loadIdentityFiles([identityFile]),
    where: object.name,
    sink: new Writable({
      write(c, _e, cb) {
        chunks.push(Buffer.from(c));
        cb();
      },
    }),
  });
  const pack = tarStream.pack();
  const plain = new HashingStage();
  const stored = new HashingStage();
  const out: Buffer[] = [];
  // Consumed while it is packed: tar-stream holds entries back until read.
  const written = pipeline(
    pack,
    plain,
    createCompressor('gzip')!,
    createAgeEncryptStream([recipient]),
    stored,
    new Writable({
      write(c, _e, cb) {
        out.push(Buffer.from(c));
        cb();
      },
    }),
  );
  const extract = tarStream.extract();
  extract.on('entry', (header, body, next) => {
    const parts: Buffer[] = [];
    body.on('data', (c) => parts.push(c as Buffer));
    body.on('end', () => {
      pack.entry(header, Buffer.concat(parts), next);
    });
  });
  await pipeline(Readable.from([Buffer.concat(chunks)]), extract);
  for (const { body, ...h } of extra) pack.entry({ ...h, mode: h.mode ?? 0o644 }, body ?? '');
  pack.finalize();
  await written;
  await writeFile(join(location, object.name), Buffer.concat(out), { mode: 0o600 });
  Object.assign(object, {
    bytes: stored.bytes,
    sha256: stored.sha256(),
    plaintextBytes: plain.bytes,
    plaintextSha256: plain.sha256(),
  });
  const { kind: _k, formatVersion: _f, tool: _t, digest: _d, ...content } = manifest;
  if (opts.paths) content.kubernetes.paths.push(...opts.paths);
  const rebuilt: Manifest = buildManifest(content);
  await writeFile(join(location, 'manifest.json'), serializeManifest(rebuilt), { mode: 0o600 });
  // The forgery is good enough for the manifest check: only the members give it away.
  parseManifest(serializeManifest(rebuilt), 'tampered manifest');
  return location;
}

beforeAll(async () => {
  const { env } = seeded;
  const { secret, identity } = generateIdentity();
  identityFile = join(env.work, 'backup.agekey');
  recipient = identity.recipient;
  await writeFile(identityFile, `${secret}\n`, { mode: 0o600 });
  backup = await backUpHarnessCluster(env.cluster, env.work, progress, [identity.recipient]);
  // Certificates lost on node1: the plan restores its archive (after moving dirs aside).
  await deleteCerts(env.cluster, 'node1');
  inventory = await inventoryWithBrokenGroups(env.cluster, env.work, {
    etcd: [],
    controlPlane: ['node1'],
  });
});

const cases: [string, Extra[], RegExp, { paths?: string[] }?][] = [
  [
    'the attack: cron job and ssh key',
    [
      {
        name: 'etc/cron.d/kube-rescue-evil',
        body: '* * * * * root touch /tmp/pwned\n',
      },
      { name: 'root/.ssh/authorized_keys2', body: 'ssh-ed25519 AAAA attacker\n', mode: 0o600 },
    ],
    /member "etc\/cron\.d\/kube-rescue-evil" is outside the paths the manifest lists/,
  ],
  [
    'a manifest that lists /etc/cron.d too',
    [{ name: 'etc/cron.d/kube-rescue-evil', body: '* * * * * root touch /tmp/pwned\n' }],
    /member "etc\/cron\.d\/kube-rescue-evil" is under \/etc\/cron\.d, which the manifest lists but a kubespray node's backup never holds/,
    { paths: ['/etc/cron.d'] },
  ],
  [
    "a '..' member",
    [{ name: 'etc/ssl/etcd/ssl/../../../etc/cron.d/kube-rescue-evil', body: 'x\n' }],
    /member "etc\/ssl\/etcd\/ssl\/\.\.\/\.\.\/\.\.\/etc\/cron\.d\/kube-rescue-evil" has a '\.\.' component/,
  ],
  [
    'a symlink out, and a file through it',
    [
      { name: 'etc/ssl/etcd/ssl/ssh', type: 'symlink', linkname: '/root/.ssh' },
      { name: 'etc/ssl/etcd/ssl/ssh/authorized_keys2', body: 'ssh-ed25519 AAAA attacker\n' },
    ],
    /member "etc\/ssl\/etcd\/ssl\/ssh" is a symlink to \/root\/\.ssh, outside/,
  ],
  [
    'a hard link out',
    [{ name: 'etc/ssl/etcd/ssl/shadow', type: 'link', linkname: 'etc/shadow' }],
    /member "etc\/ssl\/etcd\/ssl\/shadow" is a hard link to etc\/shadow/,
  ],
  [
    'a device node',
    [{ name: 'etc/ssl/etcd/ssl/mem', type: 'character-device', devmajor: 1, devminor: 1 }],
    /member "etc\/ssl\/etcd\/ssl\/mem" is a character-device/,
  ],
  [
    'a fifo',
    [{ name: 'etc/kubernetes/ssl/fifo', type: 'fifo' }],
    /member "etc\/kubernetes\/ssl\/fifo" is a fifo/,
  ],
];

/** The restore's own step runner for `plan`, reading `location`: a step run on its own. */
async function stepRunner(plan: Plan, location: string, commands: string[] = []) {
  const open: Transport[] = [];
  const runner = new NodeStepRunner({
    plan,
    transportFor: async (h) => {
      const t = await seeded.env.cluster.node(h).transport();
      open.push(t);
      // Every command the steps send, for the assertions on how they run.
      return new Proxy(t, {
        get(target, prop) {
          const value = Reflect.get(target, prop, target);
          if (prop !== 'exec' && prop !== 'script') return value;
          return (what: string | string[], ...rest: unknown[]) => {
            commands.push(`${h}: ${Array.isArray(what) ? what.join(' ') : what}`);
            return (value as (...a: unknown[]) => unknown).call(target, what, ...rest);
          };
        },
      });
    },
    layout: kubesprayLayout(),
    access: { transport: 'docker', layout: 'kubespray' },
    backup: await BackupSource.open(location, [identityFile]),
    progress,
    verify: async () => {
      throw new Error('verify is not a step of these tests');
    },
  });
  return { runner, close: () => Promise.all(open.map((t) => t.close())) };
}

/** What the moved-aside originals of a plan stamp are: names, modes, owners, sha256. */
async function asideCopies(ts: string): Promise<string> {
  const r = await seeded.env.cluster
    .node('node1')
    .sh(
      `find /etc -xdev -path '*.${ts}*' -printf '%p %y %m %U:%G %l\\n' | sort; ` +
        `find /etc -xdev -path '*.${ts}*' -type f -exec sha256sum {} + | sort -k2`,
    );
  return r.stdout;
}

describe('restore from a tampered backup set', () => {
  it.each(cases)(
    '%s: refused with exit 2 naming the member; node1 and etcd unchanged',
    async (name, extra, why, opts) => {
      const location = await tamperedSet(name.replace(/\W+/g, '-'), extra, opts);
      const before = await nodeState();
      const members = await memberList();
      const attempt = recoverCluster(
        seeded.env.cluster,
        `tampered-${name.replace(/\W+/g, '-')}`,
        seeded.env.work,
        progress,
        {
          inventory,
          backup: location,
          identityFiles: [identityFile],
        },
      );
      await expect(attempt).rejects.toMatchObject({ exitCode: 2 });
      await expect(attempt).rejects.toThrow(why);
      await expect(attempt).rejects.toThrow(/nothing of it was extracted/);
      expect(await nodeState()).toBe(before);
      expect(await memberList()).toEqual(members);
      const planted = await seeded.env.cluster
        .node('node1')
        .sh('ls /etc/cron.d/kube-rescue-evil /root/.ssh/authorized_keys2 /tmp/pwned', {
          allowFailure: true,
        });
      expect(planted.stdout).toBe('');
    },
  );

  it('the step itself refuses a set swapped after the check: nothing extracted, its staged copy removed', async () => {
    const good = await recoverCluster(seeded.env.cluster, 'dry', seeded.env.work, progress, {
      inventory,
      backup,
      identityFiles: [identityFile],
      dryRun: true,
    });
    const step = good.plan.steps.find(
      (s): s is Extract<Step, { action: 'restore-certs' }> => s.action === 'restore-certs',
    )!;
    expect(step.node).toBe('node1');
    const hostile = await tamperedSet('swapped', cases[0]![1]);
    const { runner, close } = await stepRunner(good.plan, hostile);
    const before = await nodeState();
    const err = (await runner.run(step).catch((e: unknown) => e)) as Error;
    expect(err).toMatchObject({ exitCode: 2 });
    expect(err.message).toMatch(/member "etc\/cron\.d\/kube-rescue-evil" is outside/);
    expect(err.message).not.toMatch(/Staged files are kept/);
    expect(await nodeState()).toBe(before);
    await close();
  });

  it("a survivor's snapshot: staged in a private dir with backup's command timeout; a failure names the dirs; discard removes them", async () => {
    const plan = (
      await recoverCluster(seeded.env.cluster, 'dry-staging', seeded.env.work, progress, {
        inventory,
        backup,
        identityFiles: [identityFile],
        dryRun: true,
      })
    ).plan;
    const ts = stamp(new Date(plan.createdAt));
    const template = `/var/tmp/kube-rescue-${ts}.XXXXXX/etcd.db`;
    const commands: string[] = [];
    const { runner, close } = await stepRunner(plan, backup, commands);
    const step = (node: string, action: Step['action'], params: unknown) =>
      ({
        id: `t-${action}-${node}`,
        node,
        action,
        params,
        reason: 't',
        undo: 't',
        destructive: false,
      }) as Step;
    // node1 lost its certificates (beforeAll): the survivor here is node2.
    const node2 = plan.members.find((m) => m.host === 'node2')!;
    const saved = await runner.run(
      step('node2', 'snapshot-save', { endpoint: node2.clientURL, path: template }),
    );
    const dir = /in (\/var\/tmp\/kube-rescue-\d{8}T\d{6}Z\.\w{6})\/etcd\.db$/.exec(saved)?.[1];
    expect(dir, saved).toBeDefined();
    expect(commands.some((c) => /snapshot save/.test(c) && /--command-timeout=1800s/.test(c))).toBe(
      true,
    );
    expect(
      (await seeded.env.cluster.node('node2').sh(`stat -c '%a %U' ${dir} ${dir}/etcd.db`)).stdout,
    ).toBe('700 root\n600 root\n');
    // node1 has no such dir: the copy to node3 fails, and says where the staged copies are.
    const err = (await runner
      .run(
        step('node3', 'fetch-snapshot', {
          from: { kind: 'node', node: 'node1', path: template },
          to: template,
        }),
      )
      .catch((e: unknown) => e)) as Error;
    expect(err.message).toMatch(
      /Node node1: no staging directory \/var\/tmp\/kube-rescue-.*\.XXXXXX/,
    );
    expect(err.message).toContain(
      `Staged files are kept on the nodes at node2:${dir}, node3:/var/tmp/kube-rescue-${ts}.`,
    );
    for (const n of ['node2', 'node3']) {
      expect(await runner.run(step(n, 'discard-staged', { path: template }))).toMatch(/removed$/);
      const left = await seeded.env.cluster
        .node(n)
        .sh('ls -d /var/tmp/kube-rescue-* 2>/dev/null; true');
      expect(left.stdout).toBe('');
    }
    await close();
  });

  it('the genuine set restores through the same checks; originals saved once, staging removed', async () => {
    const node = seeded.env.cluster.node('node1');
    const envBefore = (await node.sh('sha256sum /etc/etcd.env')).stdout.split(' ')[0];
    const result = await recoverCluster(seeded.env.cluster, 'genuine', seeded.env.work, progress, {
      inventory,
      backup,
      identityFiles: [identityFile],
    });
    expect(result.verification?.ok).toBe(true);
    const planStamp = stamp(new Date(result.plan.createdAt));
    // /etc/etcd.env was in the archive: the one that was there is kept beside it.
    const aside = await node.sh(`sha256sum /etc/etcd.env.${planStamp} /etc/etcd.env`);
    const sums = aside.stdout
      .trim()
      .split('\n')
      .map((l) => l.split(' ')[0]);
    expect(sums).toEqual([envBefore, envBefore]);
    const left = await node.sh('ls -d /var/tmp/kube-rescue-* 2>/dev/null; true');
    expect(left.stdout.trim()).toBe('');
    const detail = result.execution.steps.find((s) => s.action === 'restore-certs')!.detail!;
    expect(detail).toMatch(/entries of node1-pki\.tar\.gz\.age put back .*every member checked/);

    // The same step again (a resume after an interruption): the saved originals stay.
    const saved = await asideCopies(planStamp);
    expect(saved).toMatch(/\/etc\/etcd\.env\.\d{8}T\d{6}Z f 640/);
    expect(saved).toMatch(/\/etc\/kubernetes\/manifests\.\d{8}T\d{6}Z d/);
    // The step moved its node's cert dirs aside itself (no move-aside steps of their own).
    const certs = result.plan.steps.find(
      (s): s is Extract<Step, { action: 'restore-certs' }> =>
        s.action === 'restore-certs' && s.node === 'node1',
    )!;
    expect(certs.params.moveAside).toEqual([
      '/etc/ssl/etcd/ssl',
      '/etc/kubernetes/ssl',
      '/etc/kubernetes/pki',
    ]);
    const certDirSteps = result.plan.steps.filter(
      (s) => s.action === 'move-aside' && certs.params.moveAside!.includes(s.params.path),
    );
    expect(certDirSteps).toEqual([]);
    // The fault deleted the cert dirs themselves; the pki link was left, and is kept aside.
    expect(saved).toContain(`/etc/kubernetes/pki.${planStamp} l 777 0:0 /etc/kubernetes/ssl`);
    // As if the first run had been cut off mid-extraction: the file differs from the archive's.
    await node.sh('echo "# cut off here" >> /etc/etcd.env');
    // A dir the step names that the archive does not hold is moved aside too, not left.
    await node.sh('mkdir -p /etc/kube-rescue-extra && echo x > /etc/kube-rescue-extra/f');
    const { runner, close } = await stepRunner(result.plan, backup);
    await runner.run({
      ...certs,
      params: {
        ...certs.params,
        moveAside: [...certs.params.moveAside!, '/etc/kube-rescue-extra'],
      },
    });
    expect(
      (
        await node.sh(
          `cat /etc/kube-rescue-extra.${planStamp}/f; ls -d /etc/kube-rescue-extra 2>&1; true`,
        )
      ).stdout,
    ).toMatch(/^x\n.*No such file/);
    await node.sh(`rm -r /etc/kube-rescue-extra.${planStamp}`);
    // Roots that were absent the first time have no original; what it saved stays as it was.
    const after = new Set((await asideCopies(planStamp)).split('\n'));
    expect(saved.split('\n').filter((l) => !after.has(l))).toEqual([]);
    expect((await node.sh('sha256sum /etc/etcd.env')).stdout.split(' ')[0]).toBe(envBefore);

    // write-env saves the file it edits once per plan: a second run keeps the first original.
    const later = { ...result.plan, createdAt: new Date(Date.now() + 3_600_000).toISOString() };
    const { runner: writer, close: closeWriter } = await stepRunner(later, backup);
    const envStep = (value: string) =>
      ({
        id: `01-write-env-node1-${value}`,
        node: 'node1',
        action: 'write-env',
        params: { set: { ETCD_KUBE_RESCUE_TEST: value } },
        reason: 'test',
        undo: 'test',
        destructive: true,
      }) as Step;
    await writer.run(envStep('first'));
    await writer.run(envStep('second'));
    await Promise.all([close(), closeWriter()]);
    const laterStamp = stamp(new Date(later.createdAt));
    const envs = await node.sh(
      `sha256sum /etc/etcd.env.${laterStamp}; grep KUBE_RESCUE_TEST /etc/etcd.env`,
    );
    expect(envs.stdout.split(' ')[0]).toBe(envBefore);
    expect(envs.stdout).toMatch(/ETCD_KUBE_RESCUE_TEST=second\n$/);
    await node.sh(`cp -p /etc/etcd.env.${laterStamp} /etc/etcd.env`);
    expect((await node.sh('ls -d /var/tmp/kube-rescue-* 2>/dev/null; true')).stdout.trim()).toBe(
      '',
    );
  });
  it('a snapshot object changed in place, its size kept: refused before the first step, exit 2', async () => {
    const plan = (
      await recoverCluster(seeded.env.cluster, 'dry-snapshot', seeded.env.work, progress, {
        inventory,
        backup,
        identityFiles: [identityFile],
        dryRun: true,
      })
    ).plan;
    const location = join(seeded.env.work, 'flipped', backup.split('/').at(-1)!);
    await cp(backup, location, { recursive: true });
    const manifest = parseManifest(await readFile(join(location, 'manifest.json'), 'utf8'), 'm');
    const object = manifest.objects.find((o) => o.kind === 'etcd-snapshot')!.name;
    const bytes = await readFile(join(location, object));
    // One bit in the middle of the payload: same size, so the plan-time size check passes.
    bytes[bytes.length >> 1]! ^= 1;
    await writeFile(join(location, object), bytes, { mode: 0o600 });
    const commands: string[] = [];
    const { runner, close } = await stepRunner(plan, location, commands);
    const fetch = {
      id: 't-fetch',
      node: 'node1',
      action: 'fetch-snapshot',
      params: {
        from: { kind: 'backup', location, object },
        to: '/var/tmp/kube-rescue-t.XXXXXX/etcd.db',
      },
      reason: 't',
      undo: 't',
      destructive: false,
    } as Step;
    const before = await nodeState();
    const err = (await runner.prepare([fetch]).catch((e: unknown) => e)) as Error;
    await close();
    expect(err).toMatchObject({ exitCode: 2 });
    expect(err.message).toMatch(/does not match its manifest|authentication|decrypt/i);
    expect(err.message).toContain(object);
    expect(commands).toEqual([]);
    expect(await nodeState()).toBe(before);
  });
});
