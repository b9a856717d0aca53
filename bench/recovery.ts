/**
 * Benchmark of `kube-rescue restore` against the recovery sequences people run (not a test;
 * prints ratios):
 *
 *   npm run bench -- recovery [--keys 20000] [--value-bytes 512] [--etcd-version 3.6]
 *                             [--cases member,quorum,total] [--runs 1] [--allow-load]
 *                             [--max-wait-s 600]
 *
 * For every case, twice — once for ours, once for the anchor — on a fresh harness cluster of
 * Kubespray-like hosts reached over SSH (harness `stacked3`: node1..3, control plane + etcd):
 * seed the same keys (same seed, so the same bytes), take a backup with the real backup code
 * (untimed; `--compress none`, so the anchor can use its files as they are), break the
 * cluster the same way, wait for the load gate (bench/quiet.ts), then measure:
 *   ours      the bundled CLI of the working tree, `restore -i hosts.ini --backup … --yes`
 *             over SSH: probe, plan, execute, verify, as an operator runs it
 *   anchor    bench/recovery-anchor.ts: Kubespray's sequence (member loss, quorum loss) or the
 *             bare etcdutl/etcdctl restore and start on every member (total loss), over SSH
 * Both are measured the same way (bench/measure-tree.ts): wall time, CPU of the local process
 * tree, and the CPU the node containers used meanwhile (cgroup cpuacct). After each, untimed,
 * the bench checks that every member is healthy, the member list is whole and the keyspace
 * equals the seeded one; a side that fails that gives no ratio.
 *
 * `--runs N` measures each case N times per side, each on a cluster of its own, the two sides
 * taking turns to go first, and judges it on the medians: one run per side is at the mercy of
 * etcd's election draw (bench/README, "What decides total loss is an election").
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { docker } from '../harness/docker-cli.js';
import {
  destroyAndReprovision,
  fingerprint,
  nodeAccessOf,
  openEtcdClient,
  type StartedCluster,
  sameKeyspace,
  seedKeys,
  waitForEtcdHealthy,
} from '../harness/index.js';
import { renderEtcdEnv, renderEtcdUnit } from '../harness/kubespray-node.js';
import { LocalClusterProvider } from '../harness/local-provider.js';
import { type EtcdVersion, parseEtcdVersion } from '../harness/tools.js';
import { topology } from '../harness/topology.js';
import { backup } from '../src/commands/backup.js';
import { StderrProgress } from '../src/progress.js';
import { measureCommand, shellQuote, type TreeMeasurement } from './measure-tree.js';
import {
  endLoad,
  flagValue,
  LoadError,
  type LoadRecord,
  loadGateFlags,
  runBench,
  waitForQuiet,
} from './quiet.js';
import {
  type AnchorContext,
  memberLossAnchor,
  quorumLossAnchor,
  totalLossAnchor,
} from './recovery-anchor.js';
import {
  type CaseResult,
  parseCases,
  type RecoveryCase,
  recoveryReport,
  type SideResult,
} from './recovery-report.js';

const flag = (name: string, fallback: string) => flagValue(process.argv, name, fallback);

/** Where the bench bundles the working tree's CLI (as bench/backup.ts does; dist/ untouched). */
const CLI_DIR = '.tmp/bench-cli';
const TOPOLOGY = 'stacked3';
/** Which nodes each case re-provisions blank. */
const BROKEN: Record<RecoveryCase, string[]> = {
  member: ['node3'],
  quorum: ['node2', 'node3'],
  total: ['node1', 'node2', 'node3'],
};

const verbose = process.argv.includes('--verbose');
const progress = new StderrProgress({ quiet: !verbose });
const say = (line: string) => process.stderr.write(`${line}\n`);

/** CPU seconds the cluster's node containers have used (cgroup v1 cpuacct, else v2 cpu.stat). */
async function nodeCpuReader(cluster: StartedCluster): Promise<() => number> {
  const ids = (
    await docker(['inspect', '-f', '{{.Id}}', ...cluster.nodes.map((n) => n.containerName)])
  ).stdout
    .trim()
    .split('\n');
  const readers = ids.map((id) => {
    const v1 = [
      `/sys/fs/cgroup/cpuacct/docker/${id}/cpuacct.usage`,
      `/sys/fs/cgroup/cpu,cpuacct/docker/${id}/cpuacct.usage`,
    ].find((p) => existsSync(p));
    if (v1) return () => Number(readFileSync(v1, 'utf8')) / 1e9;
    const v2 = `/sys/fs/cgroup/system.slice/docker-${id}.scope/cpu.stat`;
    if (!existsSync(v2))
      throw new Error(`no CPU accounting (cgroup cpuacct or cpu.stat) for container ${id}`);
    return () => Number(/^usage_usec (\d+)/m.exec(readFileSync(v2, 'utf8'))?.[1]) / 1e6;
  });
  // Synchronous: measureCommand reads it at the spawn and at the exit; sysfs reads are cheap.
  return () => readers.reduce((sum, r) => sum + r(), 0);
}

function anchorContext(
  cluster: StartedCluster,
  version: EtcdVersion,
  socketDir: string,
): AnchorContext {
  const t = topology(TOPOLOGY);
  const ipOf = (h: string) => cluster.node(h).ip;
  const members = cluster.nodes
    .filter((n) => n.etcdMemberName)
    .map((n) => ({ host: n.name, ip: n.ip, member: n.etcdMemberName! }));
  return {
    members,
    sshKey: cluster.sshKeyPath,
    knownHosts: cluster.knownHostsPath,
    socketDir,
    snapshotTool: version === '3.4' ? 'etcdctl' : 'etcdutl',
    envOf: (host, initialCluster, state) =>
      renderEtcdEnv({ topology: t, ipOf, etcdVersion: version }, host)
        .replace(/^ETCD_INITIAL_CLUSTER_STATE=.*$/m, `ETCD_INITIAL_CLUSTER_STATE=${state}`)
        .replace(/^ETCD_INITIAL_CLUSTER=.*$/m, `ETCD_INITIAL_CLUSTER=${initialCluster}`),
    unit: renderEtcdUnit(),
    hostTls: cluster.tls,
  };
}

/** The backup set's plaintext snapshot and each node's certificate archive (`--compress none`). */
async function backupFiles(
  dir: string,
): Promise<{ snapshot: string; archiveOf(host: string): string }> {
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as {
    objects?: { name: string }[];
  };
  const names = (manifest.objects ?? []).map((o) => o.name);
  const need = (name: string) => {
    if (!names.includes(name)) {
      throw new Error(
        `backup ${dir} has no object ${name} (it has ${names.join(', ')}): the anchor needs an unencrypted, uncompressed set`,
      );
    }
    return join(dir, name);
  };
  const snapshot = need('etcd.db');
  return { snapshot, archiveOf: (host) => need(`${host}-pki.tar`) };
}

interface Settings {
  keys: number;
  valueBytes: number;
  version: EtcdVersion;
  gate: ReturnType<typeof loadGateFlags>;
}

/** One side of one case on a cluster of its own: set up, break, wait for quiet, measure, check. */
async function runSide(c: RecoveryCase, side: 'ours' | 'anchor', s: Settings): Promise<SideResult> {
  say(`[${c} / ${side}] starting a ${TOPOLOGY} cluster on etcd ${s.version}`);
  const cluster = await new LocalClusterProvider().start(TOPOLOGY, {
    progress,
    etcdVersion: s.version,
  });
  const sockets = await mkdtemp(join(tmpdir(), 'krb-'));
  let load: LoadRecord = { before: Number.NaN, qualifying: false };
  try {
    const seedClient = await openEtcdClient(cluster.etcdEndpoints, cluster.tls);
    let seeded: Awaited<ReturnType<typeof fingerprint>>;
    try {
      await seedKeys(seedClient, {
        keys: s.keys,
        valueBytes: s.valueBytes,
        seed: 'bench-recovery',
      });
      seeded = await fingerprint(seedClient);
    } finally {
      seedClient.close();
    }
    const access = nodeAccessOf(cluster);
    let backupDir: string | undefined;
    if (side === 'ours' || c === 'total') {
      const b = await backup(
        {
          inventory: cluster.inventoryPath,
          access,
          dest: join(cluster.workDir, 'backups'),
          encryptTo: [],
          compress: 'none',
          etcdOnly: false,
        },
        { progress },
      );
      backupDir = b.backupPath;
    }
    for (const node of BROKEN[c]) await destroyAndReprovision(cluster, node);
    say(
      `[${c} / ${side}] ${BROKEN[c].join(', ')} re-provisioned blank; ${seeded.count} keys seeded`,
    );

    const command =
      side === 'ours'
        ? [
            process.execPath,
            join(CLI_DIR, 'cli.js'),
            'restore',
            // --verbose shows our phases and the probe's timings beside the anchor's steps.
            verbose ? '--verbose' : '--quiet',
            '-i',
            cluster.inventoryPath,
            '--backup',
            backupDir!,
            '--transport',
            'ssh',
            '--ssh-user',
            'root',
            '--ssh-key',
            cluster.sshKeyPath,
            '--known-hosts',
            cluster.knownHostsPath,
            '--journal',
            join(cluster.workDir, 'bench.journal'),
            '--yes',
          ]
            .map(shellQuote)
            .join(' ')
        : await anchorCommand(c, anchorContext(cluster, s.version, sockets), backupDir);
    const nodeCpu = await nodeCpuReader(cluster);
    load = await waitForQuiet(s.gate);
    let measurement: TreeMeasurement;
    try {
      measurement = await measureCommand(command, { name: `${c} ${side}`, servers: nodeCpu });
    } finally {
      load = endLoad(load);
    }
    say(
      `[${c} / ${side}] wall ${(measurement.wallMs / 1000).toFixed(2)} s, cpu ${(measurement.userS + measurement.sysS).toFixed(2)} s, nodes ${measurement.serverCpuS.toFixed(2)} s`,
    );
    const checked = await checkRecovered(cluster, seeded);
    return { measurement, load, checked };
  } catch (err) {
    // A machine that stays busy ends the whole bench (exit 2), as the backup bench does.
    if (err instanceof LoadError) throw err;
    const error = err instanceof Error ? err.message : String(err);
    say(`[${c} / ${side}] failed: ${error}`);
    return { load, error };
  } finally {
    await cluster.stop();
    await rm(sockets, { recursive: true, force: true });
  }
}

/** The anchor's script, in a subshell: a failing step ends it, and the measurement still closes. */
async function anchorCommand(
  c: RecoveryCase,
  ctx: AnchorContext,
  backupDir: string | undefined,
): Promise<string> {
  const script =
    c === 'member'
      ? memberLossAnchor(ctx, BROKEN.member[0]!)
      : c === 'quorum'
        ? quorumLossAnchor(ctx, 'node1')
        : totalLossAnchor(ctx, await backupFiles(backupDir!));
  return `(\n${script}\n)`;
}

/** After a recovery (untimed): every member healthy, the member list whole, the keyspace the seeded one. */
async function checkRecovered(
  cluster: StartedCluster,
  seeded: Awaited<ReturnType<typeof fingerprint>>,
): Promise<string> {
  await waitForEtcdHealthy(cluster.etcdEndpoints, cluster.tls, { timeoutMs: 30_000 });
  const client = await openEtcdClient(cluster.etcdEndpoints, cluster.tls);
  try {
    const names = (await client.cluster.memberList({})).members.map((m) => m.name).sort();
    const expected = cluster.nodes
      .flatMap((n) => (n.etcdMemberName ? [n.etcdMemberName] : []))
      .sort();
    if (names.join(',') !== expected.join(',')) {
      throw new Error(
        `member list after the recovery is ${names.join(', ')}, not ${expected.join(', ')}`,
      );
    }
    const now = await fingerprint(client);
    if (!sameKeyspace(seeded, now)) {
      throw new Error(
        `keyspace after the recovery differs from the seeded one: ${now.count} keys (sha256 ${now.sha256.slice(0, 12)}…), seeded ${seeded.count} (${seeded.sha256.slice(0, 12)}…)`,
      );
    }
    return `${expected.length} members healthy, ${now.count} keys equal to the seeded ones (sha256 ${now.sha256.slice(0, 12)}…)`;
  } finally {
    client.close();
  }
}

async function main(): Promise<void> {
  const gate = loadGateFlags(process.argv);
  const wholeFlag = (name: string, fallback: string) => {
    const n = Number(flag(name, fallback));
    if (!Number.isInteger(n) || n < 1)
      throw new LoadError(`--${name} takes a whole number ≥ 1, not "${flag(name, '')}".`);
    return n;
  };
  const keys = wholeFlag('keys', '20000');
  const valueBytes = wholeFlag('value-bytes', '512');
  // A bad flag ends the bench like a busy machine does: one sentence, exit 2.
  const usage = <T>(parse: () => T): T => {
    try {
      return parse();
    } catch (err) {
      throw new LoadError(err instanceof Error ? err.message : String(err));
    }
  };
  const version = usage(() => parseEtcdVersion(flag('etcd-version', '3.6')));
  const cases = usage(() => parseCases(flag('cases', 'member,quorum,total')));
  const runs = wholeFlag('runs', '1');
  const t0 = Date.now();
  // The gate before the cluster starts keeps a busy machine from building for nothing; the
  // ones that count are before each measured recovery, once its cluster's own load decayed.
  await waitForQuiet(gate);
  execFileSync(process.execPath, ['scripts/bundle.mjs', '--cli-to', CLI_DIR], { stdio: 'inherit' });
  const settings: Settings = { keys, valueBytes, version, gate };
  const results: CaseResult[] = [];
  for (const c of cases) {
    for (let run = 1; run <= runs; run++) {
      if (runs > 1) say(`[${c}] run ${run} of ${runs}`);
      // Turns: a drift of the machine over the runs weighs on both sides alike.
      const anchorFirst = run % 2 === 0;
      const anchor0 = anchorFirst ? await runSide(c, 'anchor', settings) : undefined;
      const ours = await runSide(c, 'ours', settings);
      const anchor = anchor0 ?? (await runSide(c, 'anchor', settings));
      results.push({ case: c, ours, anchor });
    }
  }
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
    encoding: 'utf8',
  }).trim();
  const header = `recovery bench on ${commit}${dirty ? ' (+ uncommitted changes)' : ''}: ${TOPOLOGY} over SSH, etcd ${version}, ${keys} keys × ${valueBytes} B, ${runs === 1 ? 'one run per side' : `${runs} runs per side, judged on the medians`}, a fresh cluster for each (${process.version}, ${cpus().length} cores), ${((Date.now() - t0) / 60_000).toFixed(1)} min in all`;
  process.stdout.write(`${recoveryReport(results, header).join('\n')}\n`);
  if (results.some((r) => r.ours.error || r.anchor.error)) process.exitCode = 1;
}

await runBench(main);
