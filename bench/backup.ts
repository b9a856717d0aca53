/**
 * Benchmark of `kube-rescue backup` against what people do by hand (not a test; prints ratios).
 *
 *   npm run bench -- [--size-mb 520] [--runs 3]
 *
 * One real etcd on loopback is filled with ≥ size-mb of Kubernetes-like values; then, in
 * rotation, each run times:
 *   bare      etcdctl snapshot save (to local disk)
 *   scripted  etcdctl snapshot save; sha256sum; gzip -1; age -r   (one after the other)
 *   ours-raw  kube-rescue backup --compress none, no encryption, every check included
 *             (the default keyspace check: etcd's HashKV + key count at the snapshot's revision)
 *   ours-enc  kube-rescue backup --compress gzip --encrypt-to (age)
 *   ours-nofp ours-raw with --fingerprint none (not a goal: shows the keyspace check's share)
 *   ours-full ours-raw with --fingerprint full (not a goal: the optional second full read)
 * Ours is the CLI of the working tree, bundled as `npm run bundle` bundles it (into .tmp/bench-cli),
 * run as a user runs it; bench/measure.mjs, preloaded, reports its wall time and peak RSS.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { FingerprintMode } from '../src/commands/backup.js';
import { connectEtcdClient } from '../src/etcd/fingerprint.js';
import { LocalEtcdCluster } from '../src/etcd/local-cluster.js';

interface ChildReport {
  ms: number;
  maxRssMb: number;
}

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

/** Where the benchmark bundles the CLI of the working tree, as `npm run bundle` does for dist/. */
const CLI_DIR = '.tmp/bench-cli';

/**
 * One run of the bundled CLI, as a user runs it: `kube-rescue backup --transport local …`.
 * bench/measure.mjs reports its wall time (from before the CLI's first module loads) and its
 * peak RSS.
 */
function runChild(
  endpoint: string,
  dest: string,
  compress: 'none' | 'gzip',
  recipient: string,
  fingerprint: FingerprintMode,
): Promise<ChildReport> {
  const args = [
    '--import',
    './bench/measure.mjs',
    join(CLI_DIR, 'cli.js'),
    'backup',
    '--quiet',
    '--transport',
    'local',
    '--etcd-endpoints',
    endpoint,
    '--etcd-only',
    '--dest',
    dest,
    '--compress',
    compress,
    '--cluster-name',
    'bench',
    '--fingerprint',
    fingerprint,
    ...(recipient ? ['--encrypt-to', recipient] : []),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit', 'pipe'] });
    let out = '';
    child.stdio[3]!.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`kube-rescue backup exited ${code}`));
        return;
      }
      resolve(JSON.parse(out.trim()));
    });
  });
}

function timeShell(script: string, env: Record<string, string>): number {
  const t0 = performance.now();
  execFileSync('sh', ['-ec', script], { env: { ...process.env, ...env }, stdio: 'ignore' });
  return performance.now() - t0;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function fill(endpoint: string, targetMb: number): Promise<void> {
  const client = await connectEtcdClient({ endpoints: [endpoint] });
  try {
    // Kubernetes-like objects: JSON with repeated field names and varied values, ~16 KiB each.
    const object = (i: number) =>
      JSON.stringify({
        kind: 'ConfigMap',
        apiVersion: 'v1',
        metadata: { name: `cm-${i}`, namespace: `ns-${i % 50}`, uid: crypto.randomUUID() },
        data: Object.fromEntries(
          Array.from({ length: 64 }, (_, k) => [
            `key-${k}`,
            `${crypto.randomUUID()}-${'x'.repeat(140)}-${i * k}`,
          ]),
        ),
      });
    let bytes = 0;
    let i = 0;
    while (bytes < targetMb * 1024 * 1024) {
      const batch = Array.from({ length: 64 }, () => {
        const v = object(i);
        bytes += v.length;
        return client.put(`/registry/configmaps/ns-${i % 50}/cm-${i++}`).value(v);
      });
      await Promise.all(batch);
    }
  } finally {
    client.close();
  }
}

async function main(): Promise<void> {
  const sizeMb = flag('size-mb', 520);
  const runs = flag('runs', 3);
  execFileSync(process.execPath, ['scripts/bundle.mjs', '--cli-to', CLI_DIR], { stdio: 'inherit' });
  const work = await mkdtemp('/var/tmp/kube-rescue-bench-');
  await using cluster = await LocalEtcdCluster.start({ size: 1, dir: join(work, 'etcd') });
  try {
    const endpoint = cluster.endpoints[0];
    process.stderr.write(`filling etcd with ≥ ${sizeMb} MB …\n`);
    await fill(endpoint, sizeMb);
    const keyFile = join(work, 'key.txt');
    execFileSync('age-keygen', ['-o', keyFile], { stdio: 'ignore' });
    const recipient = execFileSync('age-keygen', ['-y', keyFile], { encoding: 'utf8' }).trim();
    const env = { ETCDCTL_API: '3', EP: endpoint, R: recipient, W: work };
    const loadBefore = loadavg()[0];
    const bare: number[] = [];
    const scripted: number[] = [];
    const raw: ChildReport[] = [];
    const enc: ChildReport[] = [];
    const noFp: ChildReport[] = [];
    const full: ChildReport[] = [];
    let dbBytes = 0;
    for (let r = 0; r < runs; r++) {
      await rm(join(work, 'out'), { recursive: true, force: true });
      await mkdir(join(work, 'out'));
      bare.push(
        timeShell('etcdctl --endpoints="$EP" snapshot save "$W/out/bare.db" >/dev/null', env),
      );
      dbBytes = Number(
        execFileSync('stat', ['-c', '%s', join(work, 'out', 'bare.db')], { encoding: 'utf8' }),
      );
      scripted.push(
        timeShell(
          'etcdctl --endpoints="$EP" snapshot save "$W/out/s.db" >/dev/null; sha256sum "$W/out/s.db" >/dev/null; gzip -1 -c "$W/out/s.db" > "$W/out/s.db.gz"; age -r "$R" -o "$W/out/s.db.gz.age" "$W/out/s.db.gz"',
          env,
        ),
      );
      raw.push(await runChild(endpoint, join(work, 'out', 'raw'), 'none', '', 'hash'));
      enc.push(await runChild(endpoint, join(work, 'out', 'enc'), 'gzip', recipient, 'hash'));
      // Not goals: what the keyspace check costs, and what the optional full read costs.
      noFp.push(await runChild(endpoint, join(work, 'out', 'nofp'), 'none', '', 'none'));
      full.push(await runChild(endpoint, join(work, 'out', 'full'), 'none', '', 'full'));
      process.stderr.write(`run ${r + 1}/${runs} done\n`);
    }
    const mb = (dbBytes / 1024 / 1024).toFixed(0);
    const ms = (x: number) => `${(x / 1000).toFixed(2)} s`;
    const mBare = median(bare);
    const mScripted = median(scripted);
    const mRaw = median(raw.map((x) => x.ms));
    const mEnc = median(enc.map((x) => x.ms));
    const mNoFp = median(noFp.map((x) => x.ms));
    const mFull = median(full.map((x) => x.ms));
    const peakOf = (xs: ChildReport[]) => Math.max(...xs.map((x) => x.maxRssMb)).toFixed(0);
    const peak = Math.max(...[...raw, ...enc].map((x) => x.maxRssMb));
    const lines = [
      `db ${mb} MB, ${runs} runs, medians (${process.version}, ${cpus().length} cores, 1-min load ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after)`,
      `bare etcdctl snapshot save          ${ms(mBare)}`,
      `scripted save+sha256sum+gzip-1+age  ${ms(mScripted)}`,
      `ours --compress none                ${ms(mRaw)}   ratio vs bare     ${(mRaw / mBare).toFixed(2)}× (goal ≤ 1.30)`,
      `ours --compress gzip + age          ${ms(mEnc)}   ratio vs scripted ${(mEnc / mScripted).toFixed(2)}× (goal ≤ 0.60)`,
      `ours --compress none, no keyspace check ${ms(mNoFp)}   ratio vs bare ${(mNoFp / mBare).toFixed(2)}× (not a goal: the HashKV check's share)`,
      `ours --compress none, --fingerprint full ${ms(mFull)}   ratio vs bare ${(mFull / mBare).toFixed(2)}× (not a goal: the optional full read)`,
      `ours peak RSS                       ${peak.toFixed(0)} MB (goal ≤ 200; none ${peakOf(raw)}, gzip+age ${peakOf(enc)}; not goals: no check ${peakOf(noFp)}, full ${peakOf(full)})`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await cluster.stop();
    await rm(work, { recursive: true, force: true });
  }
}

await main();
