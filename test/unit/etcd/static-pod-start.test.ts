import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startStaticPodEtcd, stopStaticPodEtcd } from '../../../src/etcd/static-pod.js';
import { LocalTransport } from '../../../src/nodes/local.js';

// stopStaticPodEtcd's and startStaticPodEtcd's decisions, with stand-ins for crictl, systemctl
// and journalctl on the PATH: a kubelet cannot run in a unit test. The stand-ins answer from
// files in a temp dir (`running`: crictl shows etcd Running; `exits`: etcd exits after crictl
// has seen it running once; `unit`: kubelet.service exists; `starts-on-restart`: a restart
// makes etcd run; `stop-fails`: crictl stop fails) and log what they were asked. The real
// kubelet, frozen and then restarted by this code, is in
// test/integration/kubeadm/control-plane.test.ts.
// What a kubelet of v1.37 logs about a static pod it holds back (copied from a harness node's
// journal, 7 December): what an error names as the node's word.
const BACK_OFF = `E1207 01:23:21.006066     772 pod_workers.go:1338] "Error syncing pod, skipping" err="failed to \\"StartContainer\\" for \\"etcd\\" with CrashLoopBackOff: \\"back-off 40s restarting failed container=etcd pod=etcd-node1_kube-system(2348774ade077b17f7aeb59f04ddea4a)\\"" pod="kube-system/etcd-node1" podUID="2348774ade077b17f7aeb59f04ddea4a"\n`;

class PathTransport extends LocalTransport {
  constructor(private readonly bin: string) {
    super('node1');
  }
  protected override start(argv: readonly string[], env: Record<string, string>) {
    return super.start(argv, { ...env, PATH: `${this.bin}:${process.env.PATH}` });
  }
}

function node(state: {
  unit: boolean;
  startsOnRestart: boolean;
  running?: boolean;
  restartFails?: boolean;
  exits?: boolean;
  stopFails?: boolean;
  journal?: string;
}) {
  const dir = mkdtempSync(join(tmpdir(), 'kr-static-pod-'));
  const log = join(dir, 'calls.log');
  const tool = (name: string, body: string) => {
    writeFileSync(join(dir, name), `#!/bin/sh\necho "${name} $*" >> ${log}\n${body}\n`);
    chmodSync(join(dir, name), 0o755);
  };
  tool(
    'crictl',
    [
      `case "$*" in *"--state Running"*) if [ -e ${dir}/running ]; then echo 0123456789abcdef; [ -e ${dir}/exits ] && rm ${dir}/running; fi; exit 0;; esac`,
      `if [ "$1" = stop ]; then [ -e ${dir}/stop-fails ] && { echo 'rpc error: code = Unknown' >&2; exit 1; }; rm -f ${dir}/running; exit 0; fi`,
      'echo "CONTAINER IMAGE CREATED STATE NAME ATTEMPT POD ID POD"',
      'echo "0fedcba98765 5f0e 2 minutes ago Exited etcd 7 1a2b3c etcd-node1"',
    ].join('\n'),
  );
  tool(
    'systemctl',
    [
      `case "$1" in cat) [ -e ${dir}/unit ] || exit 1; echo "# /lib/systemd/system/kubelet.service";;`,
      `restart) if [ -e ${dir}/restart-fails ]; then echo 'Job for kubelet.service failed.' >&2; exit 1; fi; if [ -e ${dir}/starts-on-restart ]; then touch ${dir}/running; fi;;`,
      // What the manifests dir held when the kubelet stopped and started: the move between.
      `stop) echo "  manifest at stop: $(ls ${dir}/manifests)" >> ${log};;`,
      `start) echo "  manifest at start: $(ls ${dir}/manifests)" >> ${log}; if [ -e ${dir}/starts-on-restart ]; then touch ${dir}/running; fi;; esac`,
    ].join('\n'),
  );
  tool('journalctl', `cat ${dir}/journal 2>/dev/null; exit 0`);
  if (state.unit) writeFileSync(join(dir, 'unit'), '');
  if (state.startsOnRestart) writeFileSync(join(dir, 'starts-on-restart'), '');
  if (state.running) writeFileSync(join(dir, 'running'), '');
  if (state.restartFails) writeFileSync(join(dir, 'restart-fails'), '');
  if (state.exits) writeFileSync(join(dir, 'exits'), '');
  if (state.stopFails) writeFileSync(join(dir, 'stop-fails'), '');
  writeFileSync(join(dir, 'journal'), state.journal ?? BACK_OFF);
  const paths = {
    etcdCertDir: join(dir, 'pki'),
    dataDir: join(dir, 'data', 'etcd'),
    etcdManifest: join(dir, 'manifests', 'etcd.yaml'),
    parkedEtcdManifest: join(dir, 'etcd.yaml.kube-rescue-stopped'),
  };
  mkdirSync(join(dir, 'manifests'));
  writeFileSync(paths.parkedEtcdManifest, 'image: etcd:3.6.16-0\n');
  const calls = () =>
    existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean) : [];
  return { transport: new PathTransport(dir), paths, calls };
}

describe('starting a kubeadm etcd through its static-pod manifest', () => {
  it('moves the manifest back while the kubelet is stopped, then starts the kubelet: none is midway through the pod', async () => {
    const n = node({ unit: true, startsOnRestart: true });
    const said = await startStaticPodEtcd(n.transport, n.paths, 60_000);
    expect(said).toBe(
      `${n.paths.parkedEtcdManifest} moved back to ${n.paths.etcdManifest}; crictl shows etcd Running: the kubelet stopped for the move and started after it`,
    );
    expect(existsSync(n.paths.etcdManifest)).toBe(true);
    expect(existsSync(n.paths.parkedEtcdManifest)).toBe(false);
    const calls = n.calls();
    expect(calls.filter((c) => /^(systemctl (stop|start|restart)| {2}manifest)/.test(c))).toEqual([
      'systemctl stop kubelet',
      '  manifest at stop: ',
      'systemctl start kubelet',
      '  manifest at start: etcd.yaml',
    ]);
    // Nothing read from the journal when it worked.
    expect(calls.filter((c) => c.startsWith('journalctl'))).toEqual([]);
  });

  it('a manifest already in place: leaves the kubelet alone when etcd runs, restarts it when not', async () => {
    const inPlace = (state: { running?: boolean }) => {
      const n = node({ unit: true, startsOnRestart: true, ...state });
      writeFileSync(n.paths.etcdManifest, readFileSync(n.paths.parkedEtcdManifest));
      rmSync(n.paths.parkedEtcdManifest);
      return n;
    };
    const up = inPlace({ running: true });
    expect(await startStaticPodEtcd(up.transport, up.paths, 10_000)).toBe(
      `${up.paths.etcdManifest} was in place; crictl shows etcd Running`,
    );
    expect(up.calls().filter((c) => /^systemctl (stop|start|restart)/.test(c))).toEqual([]);
    const down = inPlace({});
    expect(await startStaticPodEtcd(down.transport, down.paths, 60_000)).toBe(
      `${down.paths.etcdManifest} was in place; crictl shows etcd Running: the kubelet restarted, to start it from the returned manifest`,
    );
    // One look before the restart, none of the grace a running kubelet used to get.
    expect(down.calls().filter((c) => c.startsWith('crictl ps'))).toHaveLength(2);
    expect(down.calls().filter((c) => /^systemctl (stop|start|restart)/.test(c))).toEqual([
      'systemctl restart kubelet',
    ]);
    // systemd asked once whether there is a kubelet (slow on a loaded host), not again to restart it.
    expect(down.calls().filter((c) => c.startsWith('systemctl cat'))).toHaveLength(1);
  });

  it('without a kubelet.service, waits out the timeout and names what the node says', async () => {
    const n = node({ unit: false, startsOnRestart: true });
    const t0 = Date.now();
    await expect(startStaticPodEtcd(n.transport, n.paths, 4_000)).rejects.toThrow(
      /^Node node1: the etcd container was still not running 4 s after putting .*etcd\.yaml in place \(no kubelet\.service to restart\) \(crictl ps --name '\^etcd\$'\); the node says: kubelet: .*back-off 40s.* \| crictl: .*Exited etcd 7.*\. Look at the kubelet/,
    );
    expect(Date.now() - t0).toBeGreaterThanOrEqual(4_000);
    expect(n.calls().filter((c) => c.startsWith('systemctl restart'))).toEqual([]);
    // The journal is read from the node's own clock at the move.
    expect(n.calls().find((c) => c.startsWith('journalctl'))).toMatch(
      /^journalctl -u kubelet --no-pager -o cat --since @\d{10}$/,
    );
    // The manifest stays where the start put it: a retry finds it in place.
    expect(existsSync(n.paths.etcdManifest)).toBe(true);
  });

  it('says the kubelet was stopped and started when etcd still does not run after it', async () => {
    const n = node({ unit: true, startsOnRestart: false });
    await expect(startStaticPodEtcd(n.transport, n.paths, 4_000)).rejects.toThrow(
      /still not running 4 s after putting .*etcd\.yaml in place \(the kubelet stopped for the move and started after it\) \(crictl ps/,
    );
    expect(n.calls().filter((c) => /^systemctl (stop|start|restart)/.test(c))).toEqual([
      'systemctl stop kubelet',
      'systemctl start kubelet',
    ]);
  });

  it('says so when the kubelet will not restart, and still waits for etcd', async () => {
    const n = node({ unit: true, startsOnRestart: false, restartFails: true });
    writeFileSync(n.paths.etcdManifest, readFileSync(n.paths.parkedEtcdManifest));
    rmSync(n.paths.parkedEtcdManifest);
    await expect(startStaticPodEtcd(n.transport, n.paths, 4_000)).rejects.toThrow(
      /still not running 4 s after putting .*etcd\.yaml in place \(systemctl restart kubelet failed \(exit 1: Job for kubelet\.service failed\.\)\) \(crictl ps/,
    );
  });
});

describe('stopping a kubeadm etcd through its static-pod manifest', () => {
  /** The manifest in place, the parked path free: a running etcd to stop. */
  function running(state: { exits?: boolean; stopFails?: boolean }) {
    const n = node({ unit: true, startsOnRestart: false, running: true, ...state });
    writeFileSync(n.paths.etcdManifest, readFileSync(n.paths.parkedEtcdManifest));
    rmSync(n.paths.parkedEtcdManifest);
    return n;
  }

  it('parks the manifest and leaves an etcd that exits on its own to the kubelet', async () => {
    const n = running({ exits: true });
    const said = await stopStaticPodEtcd(n.transport, n.paths, 10_000, 2_000);
    expect(said).toBe(
      `${n.paths.etcdManifest} moved to ${n.paths.parkedEtcdManifest}; crictl shows no etcd container`,
    );
    expect(existsSync(n.paths.parkedEtcdManifest)).toBe(true);
    expect(existsSync(n.paths.etcdManifest)).toBe(false);
    expect(n.calls().filter((c) => c.startsWith('crictl stop'))).toEqual([]);
  });

  it('stops with crictl an etcd still draining its clients after the grace, and says so', async () => {
    const n = running({});
    const t0 = Date.now();
    const said = await stopStaticPodEtcd(n.transport, n.paths, 10_000, 1_500);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1_500);
    expect(said).toBe(
      `${n.paths.etcdManifest} moved to ${n.paths.parkedEtcdManifest}; etcd was still draining its clients 2 s after, and crictl stopped it; crictl shows no etcd container`,
    );
    // Only the etcd container, by its id, and only after the manifest was parked.
    expect(n.calls().filter((c) => c.startsWith('crictl stop'))).toEqual([
      'crictl stop --timeout 0 0123456789abcdef',
    ]);
    expect(existsSync(n.paths.etcdManifest)).toBe(false);
  });

  it('names a crictl stop that failed when etcd outlives the timeout', async () => {
    const n = running({ stopFails: true });
    await expect(stopStaticPodEtcd(n.transport, n.paths, 3_000, 1_000)).rejects.toThrow(
      /^Node node1: the etcd container was still running 3 s after moving .*etcd\.yaml out \(etcd was still running 1 s after, and crictl stop failed \(exit 1: rpc error: code = Unknown\)\) \(crictl ps --name '\^etcd\$'\); the node says: /,
    );
    // The manifest stays parked: nothing is put back behind the person's back.
    expect(existsSync(n.paths.parkedEtcdManifest)).toBe(true);
  });

  it('finds an etcd already parked and gone without moving or stopping anything', async () => {
    const n = node({ unit: true, startsOnRestart: false });
    const said = await stopStaticPodEtcd(n.transport, n.paths, 10_000, 1_000);
    expect(said).toBe(
      `${n.paths.etcdManifest} was parked at ${n.paths.parkedEtcdManifest} already; crictl shows no etcd container`,
    );
    expect(n.calls().filter((c) => c.startsWith('crictl stop'))).toEqual([]);
  });
});
