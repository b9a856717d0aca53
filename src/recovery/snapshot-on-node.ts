import { posix } from 'node:path';
import { OperationError } from '../errors.js';
import { EtcdCtl } from '../etcd/etcdctl.js';
import { type KeyValuePair, pagedPairs } from '../etcd/fingerprint.js';
import type { Layout } from '../etcd/layout.js';
import { shellCommand } from '../nodes/shell-quote.js';
import type { Transport } from '../nodes/transport.js';

/**
 * The keys and values of a snapshot file that stays on its node, as `verify --deep` reads a
 * backup: restored into a throw-away data dir in a private dir on that node and served by a
 * throw-away etcd on the node's loopback (plain http, ports of its own), read page by page
 * through etcdctl on the node, then stopped and removed. Nothing of the file is copied off the
 * node: what leaves it is the pages the comparison reads, as for the live cluster's side.
 * The Kubespray layout only: it runs the host's own etcd binary (a static pod has none there).
 */
export interface SnapshotOnNode {
  /** The snapshot's revision (the throw-away member's, restored without a bump). */
  revision: number;
  pairs: AsyncGenerator<KeyValuePair>;
  /** Stops the throw-away etcd and removes its dir; safe to call twice. */
  [Symbol.asyncDispose](): Promise<void>;
}

const q = (s: string) => shellCommand([s]);
const NAME = 'kube-rescue-verify';

/** Two free TCP ports on the node's loopback, from a range etcd and Kubernetes do not use. */
async function freePorts(t: Transport): Promise<[number, number]> {
  const res = await t.script("ss -Hltn 2>/dev/null | awk '{print $4}' | sed 's/.*://' | sort -u", {
    allowFailure: true,
    timeoutMs: 15_000,
  });
  const used = new Set(res.stdout.split('\n').filter(Boolean).map(Number));
  const free: number[] = [];
  for (let p = 42379; p < 42479 && free.length < 2; p++) if (!used.has(p)) free.push(p);
  if (free.length < 2) {
    throw new OperationError(
      `Node ${t.node}: no two free ports in 42379-42478 for the throw-away etcd of the keyspace check.`,
    );
  }
  return [free[0]!, free[1]!];
}

export async function openSnapshotOnNode(
  t: Transport,
  layout: Layout,
  snapshot: string,
  opts: { timeoutMs?: number } = {},
): Promise<SnapshotOnNode> {
  if (layout.name !== 'kubespray') {
    throw new OperationError(
      `Node ${t.node}: the keyspace check on the node runs the host's etcd binary, which the ${layout.name} layout does not have; it is implemented for the Kubespray layout only.`,
    );
  }
  const commands = await layout.toolCommands(t);
  const made = await t.script(`mktemp -d "\${TMPDIR:-/var/tmp}/${NAME}.XXXXXX"`, {
    timeoutMs: 20_000,
  });
  const dir = made.stdout.trim();
  if (!dir.startsWith('/') || !posix.basename(dir).startsWith(`${NAME}.`)) {
    throw new OperationError(`Node ${t.node}: mktemp -d printed '${dir}', not a directory path.`);
  }
  // A transient systemd unit, not a child of this session: it outlives the command that
  // starts it, and `systemctl stop` waits until the process is gone.
  const unit = `${NAME}-${posix
    .basename(dir)
    .slice(NAME.length + 1)
    .toLowerCase()}`;
  let disposed = false;
  const dispose = async () => {
    if (disposed) return;
    disposed = true;
    await t.script(
      `systemctl stop ${q(`${unit}.service`)} 2>/dev/null; systemctl reset-failed ${q(`${unit}.service`)} 2>/dev/null; rm -rf -- ${q(dir)}`,
      { allowFailure: true, timeoutMs: 120_000 },
    );
  };
  const logTail = async () =>
    (
      await t.exec(['journalctl', '--no-pager', '-n', '8', '-u', `${unit}.service`], {
        allowFailure: true,
        timeoutMs: 15_000,
      })
    ).stdout.trim();
  try {
    const [client, peer] = await freePorts(t);
    const clientURL = `http://127.0.0.1:${client}`;
    const peerURL = `http://127.0.0.1:${peer}`;
    const ctl = new EtcdCtl(t, { endpoints: [clientURL], commands });
    const tools = await ctl.etcdTools();
    const dataDir = posix.join(dir, 'data');
    await ctl.snapshotRestore({
      snapshot,
      dataDir,
      name: NAME,
      initialCluster: `${NAME}=${peerURL}`,
      initialClusterToken: NAME,
      initialAdvertisePeerUrls: [peerURL],
    });
    const etcdBinary = tools.paths?.etcd;
    if (!etcdBinary?.startsWith('/')) {
      throw new OperationError(
        `Node ${t.node}: no etcd binary on the PATH (found '${etcdBinary ?? ''}') to serve the restored snapshot for the keyspace check.`,
      );
    }
    await t.exec(
      [
        'systemd-run',
        `--unit=${unit}`,
        '--quiet',
        '--collect',
        etcdBinary,
        `--name=${NAME}`,
        `--data-dir=${dataDir}`,
        `--listen-client-urls=${clientURL}`,
        `--advertise-client-urls=${clientURL}`,
        `--listen-peer-urls=${peerURL}`,
        `--initial-advertise-peer-urls=${peerURL}`,
        `--initial-cluster=${NAME}=${peerURL}`,
      ],
      { timeoutMs: 30_000 },
    );
    const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
    let last = '';
    for (;;) {
      const health = await ctl.endpointHealth().catch((err: Error) => {
        last = err.message;
        return [];
      });
      if (health.length > 0 && health.every((h) => h.healthy)) break;
      if (health.length > 0) last = health.map((h) => h.error ?? 'unhealthy').join('; ');
      if (Date.now() > deadline) {
        throw new OperationError(
          `Node ${t.node}: the throw-away etcd on the restored snapshot was not healthy within ${(opts.timeoutMs ?? 120_000) / 1000} s (${last}); its log ends: ${await logTail()}`,
        );
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    const { revision } = await ctl.keyCount();
    const at = { revision: 0 };
    const pairs = pagedPairs(
      (from, limit, rev) =>
        ctl.getPage(from, limit, rev || undefined).catch(async (err: Error) => {
          err.message += `\nThe throw-away etcd's log ends: ${await logTail()}`;
          throw err;
        }),
      { revision, pageSize: 5000 },
      `the throw-away etcd on node ${t.node}`,
      at,
    );
    return { revision, pairs, [Symbol.asyncDispose]: dispose };
  } catch (err) {
    await dispose();
    throw err;
  }
}
