import { OperationError } from '../errors.js';
import { sectionLine, splitSections } from '../nodes/sections.js';
import { shellCommand } from '../nodes/shell-quote.js';
import type { Transport } from '../nodes/transport.js';

/**
 * Which etcd and which etcd tools a node has. In 3.4 `etcdctl snapshot status|restore` do
 * the offline work; 3.5 moved it to `etcdutl` (etcdctl still warns and works); 3.6 removed
 * it from etcdctl. `--bump-revision/--mark-compacted` exist only where the restore
 * command's own help lists them, so that is what decides, not a version table.
 */

export interface SemVer {
  major: number;
  minor: number;
  patch: number;
  raw: string;
}

/** argv prefixes of the tools on the node (`['etcdctl']`, or e.g. the `ctr run` of the etcd image, static-pod.ts). */
export interface EtcdToolCommands {
  etcd: string[];
  etcdctl: string[];
  etcdutl: string[];
}

export const defaultToolCommands: EtcdToolCommands = {
  etcd: ['etcd'],
  etcdctl: ['etcdctl'],
  etcdutl: ['etcdutl'],
};

export interface EtcdTools {
  node: string;
  commands: EtcdToolCommands;
  server?: SemVer;
  etcdctl?: SemVer;
  etcdutl?: SemVer;
  /** The tool for `snapshot status` and `snapshot restore`. */
  snapshotTool: 'etcdctl' | 'etcdutl';
  /** The restore command lists `--bump-revision` and `--mark-compacted` in its help. */
  supportsBumpRevision: boolean;
  /** Where each tool resolved on the node (`command -v`), when it did. */
  paths?: Partial<Record<'etcd' | 'etcdctl' | 'etcdutl', string>>;
}

export function parseSemVer(text: string): SemVer | undefined {
  const m = /(\d+)\.(\d+)\.(\d+)(?:[-+][0-9A-Za-z.-]+)?/.exec(text);
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), raw: m[0] };
}

/** Reads `etcd --version` ("etcd Version: 3.4.23"), `etcdctl version` ("etcdctl version: 3.4.23"), `etcdutl version`. */
export function parseToolVersion(
  tool: 'etcd' | 'etcdctl' | 'etcdutl',
  output: string,
): SemVer | undefined {
  const label =
    tool === 'etcd' ? /etcd Version:\s*(\S+)/i : new RegExp(`${tool} version:\\s*(\\S+)`, 'i');
  const m = label.exec(output);
  return m ? parseSemVer(m[1]) : undefined;
}

export function atLeast(v: SemVer | undefined, major: number, minor: number): boolean {
  if (!v) return false;
  return v.major > major || (v.major === major && v.minor >= minor);
}

/**
 * The environment etcdctl needs: ETCDCTL_API=3 only before 3.4, which made v3 the default
 * (etcdutl reads none). Over SSH an environment is staged in a file of its own, one more
 * round trip for every command; a node's etcdctl of unknown version still gets it.
 */
export function etcdctlEnv(tools: Pick<EtcdTools, 'etcdctl'>): Record<string, string> {
  return atLeast(tools.etcdctl, 3, 4) ? {} : { ETCDCTL_API: '3' };
}

/**
 * etcdutl when it is there (3.5+), etcdctl for 3.4 and older. A node with etcdctl 3.6 and
 * no etcdutl cannot restore at all: say so rather than run a command that no longer exists.
 */
export function chooseSnapshotTool(
  node: string,
  versions: Pick<EtcdTools, 'etcdctl' | 'etcdutl'>,
): 'etcdctl' | 'etcdutl' {
  if (versions.etcdutl) return 'etcdutl';
  if (versions.etcdctl && !atLeast(versions.etcdctl, 3, 6)) return 'etcdctl';
  if (versions.etcdctl) {
    throw new OperationError(
      `Node ${node} has etcdctl ${versions.etcdctl.raw} but no etcdutl: since etcd 3.6 snapshot status/restore live only in etcdutl. Install etcdutl of the same version on ${node}.`,
    );
  }
  throw new OperationError(
    `Node ${node} has neither etcdctl nor etcdutl on its PATH. Install the etcd client tools (Debian: etcd-client) or point the layout at them.`,
  );
}

/** Whether `snapshot restore --help` output offers the revision bump. */
export function helpOffersBumpRevision(help: string): boolean {
  return help.includes('--bump-revision') && help.includes('--mark-compacted');
}

type Probe = [name: string, command: string];

/**
 * Runs probes on the node in one round trip: all at once (each is a process start, which adds
 * up on a loaded node) or one after another, each into its own file of a private temp dir,
 * printed in order once all have ended. Returns each probe's output by name.
 */
async function runProbes(
  transport: Transport,
  probes: Probe[],
  options: { parallel: boolean; timeoutMs: number },
): Promise<Map<string, string>> {
  const amp = options.parallel ? ' &' : '';
  const script = [
    'd=$(mktemp -d) || exit 1',
    ...probes.map(([, cmd], i) => `(${cmd}) >"$d/${i}" 2>&1${amp}`),
    'wait',
    ...probes.map(([name], i) => `${sectionLine(name)}; cat "$d/${i}"`),
    'rm -r "$d"',
  ].join('\n');
  const res = await transport.script(script, {
    timeoutMs: options.timeoutMs,
    allowFailure: true,
  });
  return splitSections(res.stdout).sections;
}

/** The first line of what a tool printed, for an error message. */
function firstLine(output: string | undefined): string {
  const line = (output ?? '').trim().split('\n')[0]?.trim() ?? '';
  if (!line) return 'it printed nothing';
  return `it printed ${JSON.stringify(line.length > 200 ? `${line.slice(0, 200)}…` : line)}`;
}

const TOOLS = ['etcd', 'etcdctl', 'etcdutl'] as const;

/**
 * Versions of etcd, etcdctl, etcdutl and the restore help of both tools, in one round trip;
 * a second, one probe after another, only for a tool that is there but gave no version.
 */
export async function detectEtcdTools(
  transport: Transport,
  commands: EtcdToolCommands = defaultToolCommands,
  options: { timeoutMs?: number } = {},
): Promise<EtcdTools> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const versionProbe: Record<(typeof TOOLS)[number], Probe> = {
    etcd: ['etcd', `${shellCommand(commands.etcd)} --version`],
    etcdctl: ['etcdctl', `ETCDCTL_API=3 ${shellCommand(commands.etcdctl)} version`],
    etcdutl: ['etcdutl', `${shellCommand(commands.etcdutl)} version`],
  };
  const helpProbe: Record<'etcdctl' | 'etcdutl', Probe> = {
    etcdctl: [
      'etcdctl-restore',
      `ETCDCTL_API=3 ${shellCommand(commands.etcdctl)} snapshot restore --help`,
    ],
    etcdutl: ['etcdutl-restore', `${shellCommand(commands.etcdutl)} snapshot restore --help`],
  };
  const sections = await runProbes(
    transport,
    [
      [
        'paths',
        `for t in ${TOOLS.map((k) => shellCommand([commands[k][0] ?? k])).join(' ')}; do command -v "$t" || echo; done`,
      ],
      ...TOOLS.map((k) => versionProbe[k]),
      helpProbe.etcdctl,
      helpProbe.etcdutl,
    ],
    { parallel: true, timeoutMs },
  );
  const found = (sections.get('paths') ?? '').split('\n');
  const paths: EtcdTools['paths'] = {};
  TOOLS.forEach((k, i) => {
    // A prefix such as the `sh -c "exec ctr run … etcdctl"` of the etcd image: keep it as given.
    if (commands[k].length > 1) paths[k] = shellCommand(commands[k]);
    else if (found[i]?.trim()) paths[k] = found[i]!.trim();
  });
  const versions = new Map(TOOLS.map((k) => [k, parseToolVersion(k, sections.get(k) ?? '')]));
  // A tool that is there but gave no version is asked once more, alone: on a loaded kubeadm
  // node six `ctr run`s at once can leave one of them without an answer (seen in CI: etcdctl
  // 3.6.16 answered, the same image's etcdutl printed nothing). "No etcdutl" is a verdict the
  // planner acts on, so it must come from a tool that is absent, not from one that was slow.
  const unanswered = TOOLS.filter((k) => paths[k] !== undefined && !versions.get(k));
  if (unanswered.length > 0) {
    const again = await runProbes(
      transport,
      unanswered.flatMap((k) =>
        k === 'etcd' ? [versionProbe[k]] : [versionProbe[k], helpProbe[k]],
      ),
      { parallel: false, timeoutMs },
    );
    for (const [name, out] of again) sections.set(name, out);
    for (const k of unanswered) versions.set(k, parseToolVersion(k, sections.get(k) ?? ''));
  }
  const server = versions.get('etcd');
  const etcdctl = versions.get('etcdctl');
  const etcdutl = versions.get('etcdutl');
  let snapshotTool: EtcdTools['snapshotTool'];
  try {
    snapshotTool = chooseSnapshotTool(transport.node, { etcdctl, etcdutl });
  } catch (err) {
    // Say what the tools that were there printed, asked twice: the cause is usually in it.
    const said = unanswered
      .filter((k) => k !== 'etcd' && !versions.get(k))
      .map((k) => `${k} version was asked twice and ${firstLine(sections.get(k))}`)
      .join('; ');
    if (said && err instanceof OperationError) {
      throw new OperationError(`${err.message} (${said})`);
    }
    throw err;
  }
  // A 3.5+ tool whose restore help lacks the bump is asked once more, alone: "cannot bump" is
  // a verdict the plan acts on, and a loaded kubeadm node's `ctr run` can cut the help short
  // (CI, 7 December: etcdutl 3.6.16 read as unable to bump, the restore done without it).
  const toolVersion = snapshotTool === 'etcdutl' ? etcdutl : etcdctl;
  const helpName = `${snapshotTool}-restore`;
  if (
    !helpOffersBumpRevision(sections.get(helpName) ?? '') &&
    atLeast(toolVersion, 3, 5) &&
    !unanswered.includes(snapshotTool)
  ) {
    const again = await runProbes(transport, [helpProbe[snapshotTool]], {
      parallel: false,
      timeoutMs,
    });
    sections.set(helpName, again.get(helpName) ?? '');
  }
  const tools: EtcdTools = {
    node: transport.node,
    commands,
    snapshotTool,
    supportsBumpRevision: helpOffersBumpRevision(sections.get(helpName) ?? ''),
    paths,
  };
  if (server) tools.server = server;
  if (etcdctl) tools.etcdctl = etcdctl;
  if (etcdutl) tools.etcdutl = etcdutl;
  return tools;
}

/** Whether a restore with these tools can bump the revision; and if not, the reason to report. */
export function supportsBumpRevision(
  tools: EtcdTools,
): { ok: true } | { ok: false; reason: string } {
  if (tools.supportsBumpRevision) return { ok: true };
  const v = tools[tools.snapshotTool];
  return {
    ok: false,
    reason: `${tools.snapshotTool} ${v?.raw ?? '(unknown version)'} on ${tools.node} does not offer --bump-revision/--mark-compacted in its restore help (newer etcd releases do) — restored without a revision bump, so clients that watched keys must relist`,
  };
}

const detected = new WeakMap<Transport, Map<string, Promise<EtcdTools>>>();

/**
 * detectEtcdTools once per node connection and tool commands: recovery builds many EtcdCtl
 * objects for the same node, and each detection is a round trip (over SSH, a slow one).
 * A failed detection is not remembered, so installing the tools and retrying works.
 */
export function etcdToolsOf(
  transport: Transport,
  commands: EtcdToolCommands = defaultToolCommands,
): Promise<EtcdTools> {
  let perNode = detected.get(transport);
  if (!perNode) {
    perNode = new Map();
    detected.set(transport, perNode);
  }
  const key = JSON.stringify(commands);
  let found = perNode.get(key);
  if (!found) {
    found = detectEtcdTools(transport, commands);
    perNode.set(key, found);
    found.catch(() => perNode.delete(key));
  }
  return found;
}

/**
 * The etcd binaries of one node as recovery planning needs them: which etcd it would run and
 * which tool restores a snapshot there. Read from the binaries, so it needs no running member.
 */
export interface NodeEtcdTools {
  /** etcd server version of the node's binary (or of the static pod's image), e.g. "3.6.16". */
  server?: string;
  /** The tool that restores snapshots on this node, and its version. */
  snapshotTool: 'etcdctl' | 'etcdutl';
  snapshotToolVersion: string;
  /** Its `snapshot restore --help` lists --bump-revision and --mark-compacted. */
  bumpRevision: boolean;
  /** Where the versions were read, for people, e.g. "/usr/local/bin/etcdutl version". */
  from: string;
}

/** "registry.k8s.io/etcd:3.5.15-0" → "3.5.15": the version in an etcd image reference. */
export function etcdImageVersion(image: string): SemVer | undefined {
  const tag = /:([^:/@\s]+)(?:@|$)/.exec(image.trim())?.[1];
  // kubeadm's images carry a build suffix (3.5.15-0) that is no part of etcd's version.
  return tag ? parseSemVer(tag.replace(/^v/, '').replace(/-\d+$/, '')) : undefined;
}

/** The `image:` of the etcd container in a static-pod manifest's text. */
export function manifestEtcdImage(manifest: string): string | undefined {
  for (const m of manifest.matchAll(/^\s*(?:-\s+)?image:\s*["']?([^"'\s]+)["']?\s*$/gm)) {
    if (/(^|\/)etcd[:@]/.test(m[1]!)) return m[1];
  }
  return undefined;
}

/**
 * Identifies the etcd binaries of a node: `etcd --version`, `etcdutl version`, `etcdctl
 * version` and the restore help, through the node's Transport. Where the node runs etcd as a
 * kubeadm static pod and has no etcd binary of its own, the server version is the image tag
 * of that pod's manifest (the first of `manifests` that exists). Never throws for what the
 * node lacks: `error` names the node, the path looked at and what was printed there.
 */
export async function identifyEtcdBinaries(
  transport: Transport,
  commands: EtcdToolCommands = defaultToolCommands,
  manifests: string[] = [],
  /** A detection of these very commands already under way (the probe shares one). */
  detection?: Promise<EtcdTools>,
): Promise<{ tools: NodeEtcdTools } | { error: string }> {
  const node = transport.node;
  let tools: EtcdTools;
  try {
    tools = await (detection ?? detectEtcdTools(transport, commands));
  } catch (err) {
    if (!(err instanceof OperationError)) throw err;
    return {
      error: `${node}: ${err.message} (looked for ${shellCommand(commands.etcdutl)} and ${shellCommand(commands.etcdctl)} on the PATH of ${node})`,
    };
  }
  const toolVersion = tools[tools.snapshotTool]!;
  const toolPath = tools.paths?.[tools.snapshotTool] ?? shellCommand(commands[tools.snapshotTool]);
  let server = tools.server?.raw;
  let from = `${toolPath} version`;
  if (server) from += `, ${tools.paths?.etcd ?? shellCommand(commands.etcd)} --version`;
  else if (manifests.length > 0) {
    const res = await transport.exec(
      [
        'sh',
        '-c',
        'for f in "$@"; do [ -r "$f" ] && { echo "$f"; cat "$f"; exit 0; }; done; exit 0',
        'sh',
        ...manifests,
      ],
      { allowFailure: true, timeoutMs: 15_000 },
    );
    const [path, ...text] = res.stdout.split('\n');
    const image = path ? manifestEtcdImage(text.join('\n')) : undefined;
    const v = image ? etcdImageVersion(image) : undefined;
    if (v) {
      server = v.raw;
      from += `, image ${image} in ${path}`;
    } else if (path) {
      return {
        error: `${node}: no etcd binary on the PATH, and the etcd image in ${path} (${image ?? 'no image: line for etcd'}) carries no version tag. Use a tagged etcd image, or install etcd on ${node}.`,
      };
    }
  }
  if (!server) {
    return {
      error: `${node}: no etcd binary answers ${shellCommand(commands.etcd)} --version (${tools.paths?.etcd ?? 'not on the PATH'}${manifests.length ? `; no etcd static-pod manifest at ${manifests.join(' or ')}` : ''}), so the etcd this node would run is unknown. Install etcd of the cluster's version on ${node}.`,
    };
  }
  return {
    tools: {
      server,
      snapshotTool: tools.snapshotTool,
      snapshotToolVersion: toolVersion.raw,
      bumpRevision: tools.supportsBumpRevision,
      from,
    },
  };
}
