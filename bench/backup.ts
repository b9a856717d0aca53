/**
 * Benchmark of `kube-rescue backup` against what people do by hand (not a test; prints ratios).
 *
 *   npm run bench -- [--size-mb 520] [--runs 3] [--warmup 1] [--modes bare,scripted,none,enc,nofp,full]
 *                    [--etcd-bin-dir DIR] [--compare-cli DIR] [--allow-load] [--max-wait-s 600]
 *
 * One real etcd on loopback is filled with ≥ size-mb of Kubernetes-like values; then, in
 * rotation, each run measures:
 *   bare      etcdctl snapshot save (to local disk)
 *   scripted  etcdctl snapshot save; sha256sum; gzip -1; age -r   (one after the other)
 *   none      kube-rescue backup --compress none, no encryption, every check included
 *             (the default keyspace check: etcd's HashKV + key count at the snapshot's revision)
 *   enc       kube-rescue backup --compress gzip --encrypt-to (age)
 *   nofp      none with --fingerprint none (not a goal: shows the keyspace check's share)
 *   full      none with --fingerprint full (not a goal: the optional second full read)
 * Ours is the CLI of the working tree, bundled as `npm run bundle` bundles it (into
 * .tmp/bench-cli), run as a user runs it. Every command, ours and the anchors, is measured
 * the same way (bench/measure-tree.ts): wall time, CPU seconds of its process tree, peak
 * RssAnon of that tree. The measured runs start only below a 1-min load of 1.0
 * (bench/quiet.ts), after the fill's own load has decayed. `--compare-cli DIR` also runs each
 * of our modes with another bundled CLI (e.g. a commit's, from `node scripts/bundle.mjs
 * --cli-to DIR`) in the same rotation: a before/after on the same db and the same load.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { cpus } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { connectEtcdClient } from '../src/etcd/fingerprint.js';
import { LocalEtcdCluster } from '../src/etcd/local-cluster.js';
import {
  childrenNamed,
  cpuS,
  measureCommand,
  shellQuote,
  type TreeMeasurement,
} from './measure-tree.js';
import {
  describeLoad,
  endLoad,
  flagValue,
  LoadError,
  type LoadRecord,
  loadGateFlags,
  mark,
  runBench,
  waitForQuiet,
} from './quiet.js';

const flag = (name: string, fallback: string) => flagValue(process.argv, name, fallback);

/** Where the benchmark bundles the CLI of the working tree, as `npm run bundle` does for dist/. */
const CLI_DIR = '.tmp/bench-cli';

const MODES = ['bare', 'scripted', 'none', 'enc', 'nofp', 'full'] as const;
type Mode = (typeof MODES)[number];
const OURS: readonly Mode[] = ['none', 'enc', 'nofp', 'full'];

/** The command line of each mode; `$EP`, `$R` (age recipient) and `$W` (work dir) from the env. */
function commandOf(mode: Mode, out: string, cliDir = CLI_DIR): string {
  const ours = (dest: string, ...extra: string[]) =>
    [
      process.execPath,
      join(cliDir, 'cli.js'),
      'backup',
      '--quiet',
      '--transport',
      'local',
      '--etcd-endpoints',
      '"$EP"',
      '--etcd-only',
      '--dest',
      shellQuote(join(out, dest)),
      '--cluster-name',
      'bench',
      ...extra,
    ].join(' ');
  const o = shellQuote(out);
  switch (mode) {
    case 'bare':
      return `etcdctl --endpoints="$EP" snapshot save ${o}/bare.db >/dev/null 2>&1`;
    case 'scripted':
      return `etcdctl --endpoints="$EP" snapshot save ${o}/s.db >/dev/null 2>&1 && sha256sum ${o}/s.db >/dev/null && gzip -1 -c ${o}/s.db > ${o}/s.db.gz && age -r "$R" -o ${o}/s.db.gz.age ${o}/s.db.gz`;
    case 'none':
      return ours('raw', '--compress', 'none', '--fingerprint', 'hash');
    case 'enc':
      return ours('enc', '--compress', 'gzip', '--encrypt-to', '"$R"', '--fingerprint', 'hash');
    case 'nofp':
      return ours('nofp', '--compress', 'none', '--fingerprint', 'none');
    case 'full':
      return ours('full', '--compress', 'none', '--fingerprint', 'full');
  }
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

function parseModes(text: string): Mode[] {
  const modes = text.split(',').filter(Boolean);
  for (const m of modes) {
    if (!(MODES as readonly string[]).includes(m)) {
      throw new LoadError(`--modes: "${m}" is not one of ${MODES.join(', ')}.`);
    }
  }
  return modes as Mode[];
}

function report(
  results: Map<Mode, TreeMeasurement[]>,
  load: LoadRecord,
  header: string,
  compared?: { dir: string; results: Map<Mode, TreeMeasurement[]> },
): string[] {
  const s = (x: number) => `${x.toFixed(2)} s`;
  const wall = (m: Mode) => median(results.get(m)!.map((x) => x.wallMs / 1000));
  const cpu = (m: Mode) => median(results.get(m)!.map(cpuS));
  const etcdCpu = (m: Mode) => median(results.get(m)!.map((x) => x.serverCpuS));
  const peak = (m: Mode) => Math.max(...results.get(m)!.map((x) => x.peakAnonMb));
  const has = (m: Mode) => results.has(m);
  const label: Record<Mode, string> = {
    bare: 'bare etcdctl snapshot save',
    scripted: 'scripted save+sha256sum+gzip-1+age',
    none: 'ours --compress none',
    enc: 'ours --compress gzip + age',
    nofp: 'ours none, --fingerprint none',
    full: 'ours none, --fingerprint full',
  };
  const anchorOf: Partial<Record<Mode, [Mode, string]>> = {
    none: ['bare', 'goal ≤ 1.30'],
    enc: ['scripted', 'goal ≤ 0.60'],
    nofp: ['bare', 'not a goal: the HashKV check’s share'],
    full: ['bare', 'not a goal: the optional full read'],
  };
  const lines = [header, describeLoad(load)];
  for (const m of MODES) {
    if (!has(m)) continue;
    let line = `${label[m].padEnd(36)} wall ${s(wall(m)).padStart(8)}  cpu ${s(cpu(m)).padStart(8)} (+ etcd ${s(etcdCpu(m)).padStart(7)})  peak anon ${peak(m).toFixed(0).padStart(4)} MB`;
    const anchor = anchorOf[m];
    if (anchor && has(anchor[0])) {
      const [a, goal] = anchor;
      line += `  vs ${a}: wall ${(wall(m) / wall(a)).toFixed(2)}×, cpu ${(cpu(m) / cpu(a)).toFixed(2)}× (${goal})`;
    }
    if (m === 'none' || m === 'enc') line += ' (peak goal ≤ 200 MB)';
    lines.push(mark(load, line));
    const other = compared?.results.get(m);
    if (other) {
      const w = median(other.map((x) => x.wallMs / 1000));
      const c = median(other.map(cpuS));
      const e = median(other.map((x) => x.serverCpuS));
      const p = Math.max(...other.map((x) => x.peakAnonMb));
      lines.push(
        mark(
          load,
          `  the same with ${compared!.dir}`.padEnd(37) +
            `wall ${s(w).padStart(8)}  cpu ${s(c).padStart(8)} (+ etcd ${s(e).padStart(7)})  peak anon ${p.toFixed(0).padStart(4)} MB  this tree: wall ${(wall(m) / w).toFixed(2)}×, cpu ${(cpu(m) / c).toFixed(2)}× of it`,
        ),
      );
    }
  }
  return lines;
}

function progress(what: string, m: TreeMeasurement): void {
  process.stderr.write(
    `${what}: wall ${(m.wallMs / 1000).toFixed(2)} s, cpu ${cpuS(m).toFixed(2)} s (user ${m.userS.toFixed(2)}, sys ${m.sysS.toFixed(2)}; etcd ${m.serverCpuS.toFixed(2)} s), peak anon ${m.peakAnonMb.toFixed(0)} MB\n`,
  );
}

async function main(): Promise<void> {
  const gate = loadGateFlags(process.argv);
  const sizeMb = Number(flag('size-mb', '520'));
  const runs = Number(flag('runs', '3'));
  const warmups = Number(flag('warmup', '1'));
  if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(warmups) || warmups < 0) {
    throw new LoadError('--runs takes a whole number ≥ 1, --warmup one ≥ 0.');
  }
  const modes = parseModes(flag('modes', MODES.join(',')));
  const binDir = flag('etcd-bin-dir', '');
  const compareDir = flag('compare-cli', '');
  // etcd, etcdctl and etcdutl of another version (e.g. 3.6 built under ~/.cache/kube-rescue/
  // tools) first on PATH: for the throw-away etcd, the anchors and our CLI's children alike.
  if (binDir) process.env.PATH = `${resolve(binDir)}${delimiter}${process.env.PATH}`;
  // The fill's own load is ours: the gate before it only keeps a busy machine from being
  // filled for nothing; the one that counts is before the measured runs.
  await waitForQuiet(gate);
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
    const env = { ...process.env, ETCDCTL_API: '3', EP: endpoint, R: recipient, W: work };
    const etcdctlVersion = execFileSync('etcdctl', ['version'], { encoding: 'utf8', env })
      .split('\n')[0]
      .trim();
    const servers = childrenNamed(process.pid, 'etcd');
    const out = join(work, 'out');
    /**
     * Every mode once, in order; each of ours again with --compare-cli's CLI right after it.
     * `record` sees each measurement before the next one clears the output dir.
     */
    const round = async (
      label: (what: string) => string,
      record: (mode: Mode, m: TreeMeasurement, compared: boolean) => void = () => {},
    ) => {
      for (const mode of modes) {
        const clis = compareDir && OURS.includes(mode) ? [CLI_DIR, compareDir] : [CLI_DIR];
        for (const cliDir of clis) {
          await rm(out, { recursive: true, force: true });
          await mkdir(out);
          const m = await measureCommand(commandOf(mode, out, cliDir), {
            env,
            name: mode,
            servers,
          });
          const compared = cliDir !== CLI_DIR;
          record(mode, m, compared);
          progress(label(`${mode}${compared ? ` with ${compareDir}` : ''}`), m);
        }
      }
    };
    // The first snapshot after the fill is slower than the rest for bare and ours alike
    // (4.7 s against 3.1–3.3 s for bare etcdctl, sys 2.6 against 1.3–1.4 s; not understood):
    // warm-up rounds run every mode once, unmeasured, before the gate and the measured runs.
    for (let r = 0; r < warmups; r++)
      await round((what) => `warm-up ${r + 1}/${warmups} ${what} (not counted)`);
    const started = await waitForQuiet(gate);
    const results = new Map<Mode, TreeMeasurement[]>(modes.map((m) => [m, []]));
    const comparedResults = new Map<Mode, TreeMeasurement[]>(
      compareDir ? modes.filter((m) => OURS.includes(m)).map((m) => [m, []]) : [],
    );
    let dbBytes = 0;
    for (let r = 0; r < runs; r++) {
      await round(
        (what) => `run ${r + 1}/${runs} ${what}`,
        (mode, m, compared) => {
          (compared ? comparedResults : results).get(mode)!.push(m);
          if (mode === 'bare') {
            dbBytes = Number(
              execFileSync('stat', ['-c', '%s', join(out, 'bare.db')], { encoding: 'utf8' }),
            );
          }
        },
      );
    }
    const load = endLoad(started);
    const db = dbBytes ? `db ${(dbBytes / 1024 / 1024).toFixed(0)} MB` : `≥ ${sizeMb} MB of values`;
    const header = `${db}, ${runs} run(s), medians; cpu = user+sys of the process tree, etcd = the member's CPU meanwhile (${process.version}, ${cpus().length} cores, ${etcdctlVersion})`;
    const compared = compareDir ? { dir: compareDir, results: comparedResults } : undefined;
    process.stdout.write(`${report(results, load, header, compared).join('\n')}\n`);
  } finally {
    await cluster.stop();
    await rm(work, { recursive: true, force: true });
  }
}

await runBench(main);
