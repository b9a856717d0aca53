import { posix } from 'node:path';
import { InputError, OperationError } from '../errors.js';
import { shellCommand } from '../nodes/shell-quote.js';
import type { Transport } from '../nodes/transport.js';
import { defaultToolCommands, type EtcdToolCommands, manifestEtcdImage } from './version.js';

/**
 * etcd as a kubeadm static pod: the kubelet runs it from `<manifests>/etcd.yaml`; it stops when
 * that file leaves the dir and starts when it returns (OpenShift's cluster-restore.sh moves
 * it the same way). The node rarely has etcd tools of its own, but the etcd image has them:
 * they run in a short-lived container of that image next to the pod, with the certs, the
 * data dir's parent and the staging dirs mounted at their own paths, so every path a
 * command names means on the node what it means in the container.
 */

/** What the static-pod code needs of a layout's paths. */
export interface StaticPodPaths {
  etcdCertDir: string;
  dataDir: string;
  etcdManifest: string;
  parkedEtcdManifest: string;
}

/** containerd's namespace for the kubelet's (CRI) images and containers. */
export const CRI_NAMESPACE = 'k8s.io';

/** The static-pod containers that read the certificates and etcd (crictl's --name regex). */
export const CONTROL_PLANE_CONTAINERS = '^(kube-apiserver|kube-controller-manager|kube-scheduler)$';

const q = (s: string) => shellCommand([s]);

/**
 * argv prefixes that run etcd, etcdctl and etcdutl from `image` in a container removed when
 * the command ends (`ctr run --rm`), on the node's network (it reaches the member's address),
 * with the cert dir read-only and the data dir's parent and the temp dirs read-write.
 */
export function etcdImageToolCommands(image: string, paths: StaticPodPaths): EtcdToolCommands {
  const dataParent = posix.dirname(paths.dataDir);
  if (dataParent === '/') {
    throw new InputError(
      `etcd's data dir ${paths.dataDir} sits at the root: kube-rescue mounts its parent into the etcd tools' container and will not mount /. Pass a data dir below a directory of its own.`,
    );
  }
  const mount = (dir: string, options: string) =>
    `--mount ${q(`type=bind,src=${dir},dst=${dir},options=${options}`)}`;
  const fixed = [
    // Not recursive: /var/lib holds containerd's and the kubelet's mounts, none of them ours.
    mount(dataParent, 'bind:rw'),
    mount('/var/tmp', 'rbind:rw'),
  ].join(' ');
  const cert = q(paths.etcdCertDir);
  // $0 is the image, "$@" the tool's arguments; ctr's argv is built in front of them. The cert
  // dir is mounted only where it exists: a node that lost it (certificate loss, a blank node)
  // still runs etcdutl, and ctr refuses a bind mount of a missing source.
  //
  // ctr's stdout goes to a private file first, and only then to us. ctr of containerd before
  // 1.6.22 (Debian 12 ships 1.6.20) closes its side of the tool's output as soon as the tool
  // exits (containerd commit b27f7daa5, moby/moby#45689): whatever it had not yet passed on is
  // lost. Behind a reader slower than etcdctl (a loaded node, docker exec, SSH), a 2.4 MB
  // `etcdctl get` page lost 105–121 KB of its tail on 8 runs out of 8; written to a file, none
  // of 8 lost a byte (a single-node harness kubeadm cluster, 2 December). The file can hold
  // every Secret of the cluster (a keyspace page): made 0600 (umask 077) by mktemp, removed
  // when the script ends, on a stop too.
  const script = (tool: string) =>
    [
      `t=\${TMPDIR:-/var/tmp}`,
      `set -- "$0" "kube-rescue-etcd-$(date +%s%N)-$$" ${tool} "$@"`,
      `if [ "$t" != /var/tmp ]; then set -- --mount "type=bind,src=$t,dst=$t,options=rbind:rw" "$@"; fi`,
      `if [ -d ${cert} ]; then set -- ${mount(paths.etcdCertDir, 'rbind:ro')} "$@"; fi`,
      `o=$(umask 077 && mktemp "$t/kube-rescue-out.XXXXXX") || { echo "kube-rescue: cannot make a temp file in $t for the output of ${tool}" >&2; exit 125; }`,
      `trap 'rm -f "$o"' EXIT`,
      `trap 'exit 143' TERM`,
      `trap 'exit 130' INT`,
      `trap 'exit 129' HUP`,
      `ctr -n ${CRI_NAMESPACE} run --rm --net-host --env ETCDCTL_API=3 ${fixed} "$@" >"$o"`,
      `rc=$?`,
      `cat "$o" || { echo "kube-rescue: cannot read back the output of ${tool} from $o" >&2; exit 125; }`,
      `exit "$rc"`,
    ].join('\n');
  const prefix = (tool: string) => ['sh', '-c', script(tool), image];
  return { etcd: prefix('etcd'), etcdctl: prefix('etcdctl'), etcdutl: prefix('etcdutl') };
}

/** How the etcd tools of a kubeadm node are reached, and from where (for people). */
export interface StaticPodTools {
  commands: EtcdToolCommands;
  from: string;
}

const found = new WeakMap<Transport, Map<string, StaticPodTools>>();

/**
 * The etcd tools of a kubeadm node: the etcd image of its static-pod manifest (or of the
 * parked one while etcd is stopped) run with ctr; on a node whose manifest is gone (a
 * re-provisioned one), the one etcd image its containerd holds. The image has the very
 * version the member runs, so it wins over host tools; a node with neither ctr nor an
 * image falls back to etcdctl/etcdutl on the host. Remembered per connection once found.
 */
export async function staticPodToolCommands(
  transport: Transport,
  paths: StaticPodPaths,
): Promise<StaticPodTools> {
  const key = JSON.stringify(paths);
  const known = found.get(transport)?.get(key);
  if (known) return known;
  const script = [
    'command -v ctr >/dev/null 2>&1 && echo ctr=yes',
    'command -v etcdctl >/dev/null 2>&1 && echo etcdctl=yes',
    'for f in "$@"; do if [ -r "$f" ]; then echo "manifest=$f"; cat "$f"; exit 0; fi; done',
    `command -v ctr >/dev/null 2>&1 && ctr -n ${CRI_NAMESPACE} images ls -q 2>/dev/null | sed -n 's/^/image=/p'`,
    'exit 0',
  ].join('\n');
  const res = await transport.exec(
    ['sh', '-c', script, 'sh', paths.etcdManifest, paths.parkedEtcdManifest],
    { allowFailure: true, timeoutMs: 20_000 },
  );
  const out = res.stdout;
  const hasCtr = /^ctr=yes$/m.test(out);
  const manifestPath = /^manifest=(.*)$/m.exec(out)?.[1];
  let tools: StaticPodTools | undefined;
  if (hasCtr) {
    if (manifestPath) {
      const image = manifestEtcdImage(out.slice(out.indexOf('\n', out.indexOf('manifest='))));
      if (!image) {
        throw new InputError(
          `Node ${transport.node}: ${manifestPath} names no etcd image (no 'image: …/etcd:…' line): this is not a kubeadm etcd manifest kube-rescue can run the tools of.`,
        );
      }
      tools = {
        commands: etcdImageToolCommands(image, paths),
        from: `image ${image} of ${manifestPath}`,
      };
    } else {
      const images = [...out.matchAll(/^image=(.*)$/gm)]
        .map((m) => m[1]!)
        .filter((i) => manifestEtcdImage(`image: ${i}`) === i);
      if (images.length === 1) {
        tools = {
          commands: etcdImageToolCommands(images[0]!, paths),
          from: `image ${images[0]} in containerd (no etcd manifest at ${paths.etcdManifest})`,
        };
      }
    }
  }
  if (!tools && /^etcdctl=yes$/m.test(out)) {
    tools = { commands: defaultToolCommands, from: 'the etcd tools on the PATH of the node' };
  }
  if (!tools) {
    throw new OperationError(
      `Node ${transport.node}: no etcd tools to run: ${hasCtr ? `no etcd manifest at ${paths.etcdManifest} or ${paths.parkedEtcdManifest} names the etcd image, and containerd (ctr -n ${CRI_NAMESPACE} images ls) holds no single etcd image` : `no ctr (containerd's client) to run the etcd image's etcdctl`}, and no etcdctl on the PATH. Restore the node's archive (--backup) or install etcd's client tools on ${transport.node}.`,
    );
  }
  let perNode = found.get(transport);
  if (!perNode) {
    perNode = new Map();
    found.set(transport, perNode);
  }
  perNode.set(key, tools);
  return tools;
}

/** crictl's view of the etcd container: "running", "gone", or what went wrong. */
async function etcdContainerState(transport: Transport): Promise<'running' | 'gone'> {
  const res = await transport.exec(
    ['crictl', 'ps', '-q', '--name', '^etcd$', '--state', 'Running'],
    { allowFailure: true, timeoutMs: 40_000 },
  );
  if (res.code === 127 || (res.code !== 0 && /not found|No such file/i.test(res.stderr))) {
    throw new InputError(
      `Node ${transport.node}: crictl is not installed (exit ${res.code}): kube-rescue stops and starts a kubeadm etcd through the kubelet and confirms it with crictl. Install cri-tools on ${transport.node}.`,
    );
  }
  if (res.code !== 0) {
    throw new OperationError(
      `Node ${transport.node}: crictl ps failed (exit ${res.code}): ${res.stderr.trim().slice(-300)}. Check containerd (systemctl status containerd) on ${transport.node}.`,
    );
  }
  return res.stdout.trim() ? 'running' : 'gone';
}

/** Polls crictl until the etcd container is `want` or `timeoutMs` ends: whether it got there. */
async function waitForEtcdContainer(
  transport: Transport,
  want: 'running' | 'gone',
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if ((await etcdContainerState(transport)) === want) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

function etcdContainerTimeout(
  transport: Transport,
  want: 'running' | 'gone',
  timeoutMs: number,
  why: string,
  evidence: string,
): OperationError {
  return new OperationError(
    `Node ${transport.node}: the etcd container was ${want === 'gone' ? 'still running' : 'still not running'} ${Math.round(timeoutMs / 1000)} s after ${why} (crictl ps --name '^etcd$')${evidence ? `; ${evidence}` : ''}. Look at the kubelet (journalctl -u kubelet) and crictl ps -a on ${transport.node} before retrying.`,
  );
}

/** A kubelet journal line without klog's header, quotes unescaped, the pod UID left out. */
function kubeletMessage(line: string): string {
  return line
    .replace(/^[IWEF]\d{4} [\d:.]+\s+\d+ [^\]]*\] /, '')
    .replace(/\\"/g, '"')
    .replace(/\s*podUID="[^"]*"/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * What the node says about its etcd container since `since` (the node's clock, seconds): the
 * kubelet's last distinct journal lines that name etcd, and crictl's newest etcd containers.
 * For a person reading why etcd did not start; empty where the node says nothing.
 */
async function kubeletEtcdEvidence(transport: Transport, since: number): Promise<string> {
  const res = await transport.script(
    [
      `journalctl -u kubelet --no-pager -o cat --since @${since} 2>/dev/null | grep -E 'etcd' | tail -n 40 | sed 's/^/kubelet: /'`,
      `crictl ps -a --name '^etcd$' 2>/dev/null | sed -n '2,3p' | sed 's/^/crictl: /'`,
      'exit 0',
    ].join('\n'),
    { allowFailure: true, timeoutMs: 30_000 },
  );
  const lines = res.stdout.split('\n').filter(Boolean);
  const kubelet = [
    ...new Set(
      lines.filter((l) => l.startsWith('kubelet: ')).map((l) => kubeletMessage(l.slice(9))),
    ),
  ].slice(-2);
  const crictl = lines
    .filter((l) => l.startsWith('crictl: '))
    .map((l) => l.slice(8).replace(/\s+/g, ' ').trim());
  const said = [...kubelet.map((l) => `kubelet: ${l}`), ...crictl.map((l) => `crictl: ${l}`)].map(
    (l) => (l.length > 300 ? `${l.slice(0, 300)}…` : l),
  );
  return said.length ? `the node says: ${said.join(' | ')}` : '';
}

/** Whether the node runs a kubelet under systemd (a Kubespray-like host without one does not). */
export async function hasKubeletService(t: Transport): Promise<boolean> {
  // systemctl asks systemd over D-Bus; right after the etcd units start, on a loaded host,
  // that answer took longer than 15 s (CI, a 3-node total loss on etcd 3.5): the same bound
  // as the systemctl restart that follows it.
  const has = await t.exec(['systemctl', 'cat', 'kubelet.service'], {
    allowFailure: true,
    timeoutMs: 120_000,
  });
  return has.code === 0;
}

/**
 * Restarts the kubelet under systemd (the caller has found its kubelet.service): "restarted",
 * or why not. A kubelet restart leaves running containers as they are and forgets what it held
 * in memory only: the crash-loop back-off of a static pod (kept by the pod's UID, which an
 * unchanged manifest keeps: up to 5 min) and the state of its pod workers.
 */
async function restartKubelet(transport: Transport): Promise<string> {
  const res = await transport.exec(['systemctl', 'restart', 'kubelet'], {
    allowFailure: true,
    timeoutMs: 120_000,
  });
  if (res.code === 0) return 'restarted';
  return `systemctl restart kubelet failed (exit ${res.code}: ${res.stderr.trim().slice(-200) || 'no message'})`;
}

/**
 * Moves the manifest `from` → `to` unless it is there already: "moved", "already" (only `to`
 * exists), "none" (neither); both existing is refused, never overwritten. `at`: the node's
 * clock (seconds) just before.
 */
async function moveManifest(
  transport: Transport,
  from: string,
  to: string,
  kubeletStopped = false,
): Promise<{ out: 'moved' | 'already' | 'none'; at: number }> {
  const [f, t] = [q(from), q(to)];
  // `kubeletStopped`: the kubelet is stopped for the move and started after it, whatever the
  // move did (a kubelet left stopped would run no static pod at all).
  const move = kubeletStopped
    ? `systemctl stop kubelet; mv -- ${f} ${t}; rc=$?; systemctl start kubelet; [ $rc -eq 0 ] && echo moved`
    : `mv -- ${f} ${t} && echo moved`;
  const [at, out] = (
    await transport.script(
      `date +%s; if [ -e ${f} ]; then if [ -e ${t} ]; then echo both; else ${move}; fi; elif [ -e ${t} ]; then echo already; else echo none; fi`,
      { timeoutMs: kubeletStopped ? 240_000 : 30_000 },
    )
  ).stdout
    .trim()
    .split('\n');
  if (out === 'both') {
    throw new OperationError(
      `Node ${transport.node}: both ${from} and ${to} exist; refusing to overwrite either. Keep the one etcd should run with, move the other away by hand, and run restore again.`,
    );
  }
  return { out: out as 'moved' | 'already' | 'none', at: Number(at) };
}

/**
 * How long etcd gets to exit on its own once the kubelet has sent it SIGTERM. etcd first drains
 * each client listener for up to its request timeout (5 s + 2 × the election timeout), and the
 * node's own kube-apiserver keeps watch streams open on it to the end: with kubeadm's defaults
 * the etcd container exited 15.4–16.6 s after its manifest left (SIGTERM 0.08 s after the move,
 * "closed etcd server" 15.3 s later; the kubeadm harness, 7 December). Past this, crictl stops it.
 * etcd writes every entry to its WAL before it acknowledges it, so a stop cut short loses
 * nothing a crash would not: the member's data dir is what the restore moves aside or keeps.
 */
export const ETCD_DRAIN_GRACE_MS = 3_000;

/**
 * Stops the static pod: the manifest moves to the parked path beside the manifests dir (never
 * into it), then crictl must show the container gone. An etcd still draining its clients
 * `ETCD_DRAIN_GRACE_MS` after the move is stopped with crictl; with its manifest parked, the
 * kubelet does not start it again. Idempotent: a manifest already parked, or none at all (a
 * blank node), is nothing to move.
 */
export async function stopStaticPodEtcd(
  transport: Transport,
  paths: StaticPodPaths,
  timeoutMs: number,
  drainGraceMs = ETCD_DRAIN_GRACE_MS,
): Promise<string> {
  const { etcdManifest: m, parkedEtcdManifest: p } = paths;
  const deadline = Date.now() + timeoutMs;
  const { out, at } = await moveManifest(transport, m, p);
  const said = {
    moved: `${m} moved to ${p}`,
    already: `${m} was parked at ${p} already`,
    none: `no etcd manifest on the node (${m})`,
  }[out];
  if (await waitForEtcdContainer(transport, 'gone', Math.min(drainGraceMs, timeoutMs))) {
    return `${said}; crictl shows no etcd container`;
  }
  const stopped = await transport.script(
    `ids=$(crictl ps -q --name '^etcd$' --state Running) || exit $?\n[ -z "$ids" ] || crictl stop --timeout 0 $ids >/dev/null`,
    { allowFailure: true, timeoutMs: 60_000 },
  );
  const how =
    stopped.code === 0
      ? `etcd was still draining its clients ${Math.round(drainGraceMs / 1000)} s after, and crictl stopped it`
      : `etcd was still running ${Math.round(drainGraceMs / 1000)} s after, and crictl stop failed (exit ${stopped.code}: ${stopped.stderr.trim().slice(-200) || 'no message'})`;
  if (await waitForEtcdContainer(transport, 'gone', Math.max(0, deadline - Date.now()))) {
    return `${said}; ${how}; crictl shows no etcd container`;
  }
  const evidence = await kubeletEtcdEvidence(transport, at);
  throw etcdContainerTimeout(transport, 'gone', timeoutMs, `moving ${m} out (${how})`, evidence);
}

/**
 * Starts the static pod: the parked manifest moves back while the kubelet is stopped, and the
 * kubelet then starts, as both runbooks restart it after they put the manifests back; a
 * manifest found already in place gets a kubelet restart unless etcd runs. A kubelet
 * that kept running knows the returned manifest's pod: the same manifest makes the same pod UID,
 * and the kubelet holds that pod's finished worker and its crash-loop back-off (up to 5 min) in
 * memory. Left alone, kubelets of v1.37 started etcd 1.8–69 s after its manifest came back (the
 * kubeadm harness, 7 December; 180 s and more in CI on 3 December); restarted, in 1.9–3.6 s.
 * A kubelet restart leaves running containers as they are. A manifest already in place is left
 * as it is; none anywhere is an error that says where it was looked for.
 */
export async function startStaticPodEtcd(
  transport: Transport,
  paths: StaticPodPaths,
  timeoutMs: number,
): Promise<string> {
  const { etcdManifest: m, parkedEtcdManifest: p } = paths;
  const deadline = Date.now() + timeoutMs;
  // The manifest goes back while the kubelet is stopped, and the kubelet then starts: a fresh
  // kubelet starts a returned manifest in seconds (1.9–3.6 s on the kubeadm harness), where a
  // running one took up to 69 s (it keeps the pod's back-off; see above). Restarted only after
  // the move, a kubelet could die midway through creating etcd's pod: in CI (8 December) the
  // container the old kubelet had begun came up anyway, outside the new kubelet's view, a
  // second etcd pod crash-looped beside it on the taken ports, and removing the manifest later
  // did not stop the orphan.
  const kubelet = await hasKubeletService(transport);
  const { out, at } = await moveManifest(transport, p, m, kubelet);
  if (out === 'none') {
    throw new OperationError(
      `Node ${transport.node}: no etcd manifest to start etcd with: neither ${p} nor ${m} exists. Restore the node's archive from a backup (--backup) and run again.`,
    );
  }
  const why = `putting ${m} in place`;
  const done =
    out === 'moved'
      ? `${p} moved back to ${m}; crictl shows etcd Running`
      : `${m} was in place; crictl shows etcd Running`;
  // What was done to the kubelet (said on success only when it was), for the messages.
  let kubeletDid: string;
  let told: boolean;
  if (out === 'moved' && kubelet) {
    kubeletDid = 'the kubelet stopped for the move and started after it';
    told = true;
  } else {
    if ((await etcdContainerState(transport)) === 'running') return done;
    const restart = kubelet ? await restartKubelet(transport) : 'none';
    told = restart === 'restarted';
    kubeletDid = told
      ? 'the kubelet restarted, to start it from the returned manifest'
      : restart === 'none'
        ? 'no kubelet.service to restart'
        : restart;
  }
  if (await waitForEtcdContainer(transport, 'running', Math.max(0, deadline - Date.now()))) {
    return told ? `${done}: ${kubeletDid}` : done;
  }
  throw etcdContainerTimeout(
    transport,
    'running',
    timeoutMs,
    `${why} (${kubeletDid})`,
    await kubeletEtcdEvidence(transport, at),
  );
}

interface CriContainer {
  id: string;
  podSandboxId: string;
  state: string;
  createdAt: string;
  metadata?: { attempt?: number };
}

/**
 * Evidence from the kubelet's own record that this node's etcd crash-loops for want of data:
 * an earlier etcd container of the pod that runs now (same sandbox: the same life of the
 * static pod, not one before a manifest was moved) exited printing `panic` (etcd's words for a
 * lost log or a data dir without a WAL). A sentence saying so, or undefined.
 */
export async function etcdLostLogPanic(
  transport: Transport,
  panic: RegExp,
): Promise<string | undefined> {
  const ps = await transport.exec(['crictl', 'ps', '-a', '--name', '^etcd$', '-o', 'json'], {
    allowFailure: true,
    timeoutMs: 20_000,
  });
  if (ps.code !== 0) return undefined;
  let containers: CriContainer[];
  try {
    containers = (JSON.parse(ps.stdout) as { containers?: CriContainer[] }).containers ?? [];
  } catch {
    return undefined;
  }
  const byAge = [...containers].sort((a, b) =>
    BigInt(b.createdAt) > BigInt(a.createdAt) ? 1 : -1,
  );
  const newest = byAge[0];
  if (!newest) return undefined;
  // The container that runs now began this member without a WAL ("starting local member";
  // from a WAL etcd says "restarting local member") and has not become ready: no data.
  const current = await transport.exec(['crictl', 'logs', newest.id], {
    allowFailure: true,
    timeoutMs: 20_000,
  });
  if (/"msg":"starting local member"/.test(`${current.stdout}\n${current.stderr}`)) {
    return `its etcd container ${newest.id.slice(0, 13)} began the member without a WAL (its log says "starting local member", not "restarting local member") and does not answer: it holds no data of its own, and has not joined a cluster that could give it some`;
  }
  const earlier = byAge.filter(
    (c) => c.podSandboxId === newest.podSandboxId && c.state === 'CONTAINER_EXITED',
  );
  for (const c of earlier.slice(0, 2)) {
    const logs = await transport.exec(['crictl', 'logs', '--tail', '60', c.id], {
      allowFailure: true,
      timeoutMs: 20_000,
    });
    const m = panic.exec(`${logs.stdout}\n${logs.stderr}`);
    if (m) {
      return `its etcd container ${c.id.slice(0, 13)} (attempt ${c.metadata?.attempt ?? '?'} of the pod that runs now) exited saying "${m[0].slice(0, 200)}": etcd says so only where the member's data is gone, and the kubelet keeps restarting it`;
    }
  }
  return undefined;
}
