import { OperationError } from '../errors.js';
import { decodeKeyValue, forEachField, TruncatedMessageError } from './protobuf.js';

/**
 * Typed readings of `etcdctl -w json` / `etcdutl -w json` output (3.4, 3.5, 3.6 shapes).
 * etcdctl prints member and cluster ids as bare uint64 JSON numbers, beyond what a JS number
 * holds exactly; `parseEtcdJson` turns every integer over 15 digits into a string first so
 * the ids convert to hex losslessly.
 */

export interface EndpointHealth {
  endpoint: string;
  healthy: boolean;
  /** etcdctl's "took", e.g. "1.98ms". */
  took?: string;
  error?: string;
}

export interface EndpointStatus {
  endpoint: string;
  /** Member id, lowercase hex without leading zeros (as etcdctl's table output shows it). */
  memberId: string;
  clusterId: string;
  /** Member id of the leader as this endpoint sees it. */
  leader: string;
  isLeader: boolean;
  version: string;
  raftTerm: number;
  raftIndex: number;
  raftAppliedIndex?: number;
  revision: number;
  dbSize: number;
  dbSizeInUse?: number;
  isLearner: boolean;
  errors: string[];
}

export interface Member {
  id: string;
  /** Empty until an added member has started and announced itself. */
  name: string;
  peerURLs: string[];
  clientURLs: string[];
  isLearner: boolean;
}

export interface SnapshotStatus {
  /** The snapshot's own hash as etcd reports it (crc32 of the db, decimal). */
  hash: number;
  revision: number;
  totalKey: number;
  totalSize: number;
  /** Storage version, printed by 3.6+. */
  version?: string;
}

export interface KeyValuePage {
  revision: number;
  kvs: { key: Buffer; value: Buffer }[];
  more: boolean;
  count: number;
}

const TOKEN = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

/** JSON.parse that keeps integers longer than 15 digits as decimal strings. */
export function parseEtcdJson(text: string, what: string): unknown {
  const safe = text.replace(TOKEN, (tok) =>
    tok[0] !== '"' && /^-?\d{16,}$/.test(tok) ? `"${tok}"` : tok,
  );
  try {
    return JSON.parse(safe);
  } catch (err) {
    const head = text.trim().slice(0, 200);
    const message = `Could not read the JSON output of ${what}: ${(err as Error).message}. Output began with: ${head || '(nothing)'}`;
    throw endedEarly(err as Error, safe)
      ? new CutOutputError(message, { cause: err })
      : new OperationError(message, { cause: err });
  }
}

/**
 * JSON output that stops before its document does: it was cut on its way, not garbled. ctr of
 * containerd before 1.6.22 (Debian 12 ships 1.6.20) closes the output of `ctr run` as soon as
 * the tool exits (containerd commit b27f7daa5, moby/moby#45689), so a reader that fell behind
 * (a loaded node) loses the tail — or all — of what etcdctl printed. Such a read may be retried;
 * nothing in it is used.
 */
export class CutOutputError extends OperationError {}

/** Whether JSON.parse failed because the text ended, not on a wrong character inside it. */
function endedEarly(err: Error, text: string): boolean {
  if (!text.trim() || /Unexpected end of JSON input|Unterminated string/.test(err.message)) {
    return true;
  }
  const at = /at position (\d+)/.exec(err.message);
  return at !== null && Number(at[1]) >= text.trimEnd().length;
}

/** A uint64 id (number or decimal string) as lowercase hex, exactly. */
export function idToHex(id: unknown): string {
  if (typeof id === 'string' && /^\d+$/.test(id)) return BigInt(id).toString(16);
  if (typeof id === 'number' && Number.isSafeInteger(id) && id >= 0) return id.toString(16);
  if (typeof id === 'bigint') return id.toString(16);
  throw new OperationError(`Expected an etcd id (unsigned integer), got ${JSON.stringify(id)}.`);
}

/** Accepts an id as hex (with or without 0x) and normalises it to etcd's lowercase hex. */
export function normaliseHexId(id: string): string {
  const hex = id.trim().toLowerCase().replace(/^0x/, '');
  if (!/^[0-9a-f]{1,16}$/.test(hex)) {
    throw new OperationError(
      `"${id}" is not an etcd member id: expected up to 16 hex digits, as \`etcdctl member list\` prints them.`,
    );
  }
  return BigInt(`0x${hex}`).toString(16);
}

type Json = Record<string, unknown>;

function obj(v: unknown, what: string): Json {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    throw new OperationError(
      `Unexpected ${what}: expected a JSON object, got ${JSON.stringify(v)?.slice(0, 120)}.`,
    );
  }
  return v as Json;
}

function num(v: unknown, field: string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^\d+$/.test(v)) return Number(v);
  if (v === undefined) return 0; // etcd's JSON omits zero values (proto3 omitempty)
  throw new OperationError(`Unexpected value for ${field}: ${JSON.stringify(v)}.`);
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
}

function array(v: unknown, what: string): unknown[] {
  if (!Array.isArray(v)) throw new OperationError(`Unexpected ${what}: expected a JSON array.`);
  return v;
}

/** `etcdctl endpoint health -w json`: an array (3.4+). */
export function parseEndpointHealth(text: string): EndpointHealth[] {
  const list = array(parseEtcdJson(text, 'etcdctl endpoint health'), 'endpoint health output');
  return list.map((e) => {
    const o = obj(e, 'endpoint health entry');
    const out: EndpointHealth = {
      endpoint: String(o.endpoint ?? ''),
      healthy: o.health === true || o.health === 'true',
    };
    if (typeof o.took === 'string') out.took = o.took;
    if (typeof o.error === 'string' && o.error) out.error = o.error;
    return out;
  });
}

/** `etcdctl endpoint status -w json`: `[{Endpoint, Status: {header, leader, raftIndex, ...}}]`. */
export function parseEndpointStatus(text: string): EndpointStatus[] {
  const list = array(parseEtcdJson(text, 'etcdctl endpoint status'), 'endpoint status output');
  return list.map((e) => {
    const o = obj(e, 'endpoint status entry');
    const s = obj(o.Status, 'endpoint status');
    const h = obj(s.header ?? {}, 'endpoint status header');
    const memberId = idToHex(h.member_id ?? '0');
    const leader = idToHex(s.leader ?? '0');
    const out: EndpointStatus = {
      endpoint: String(o.Endpoint ?? ''),
      memberId,
      clusterId: idToHex(h.cluster_id ?? '0'),
      leader,
      isLeader: memberId === leader,
      version: String(s.version ?? ''),
      raftTerm: num(s.raftTerm, 'raftTerm'),
      raftIndex: num(s.raftIndex, 'raftIndex'),
      revision: num(h.revision, 'revision'),
      dbSize: num(s.dbSize, 'dbSize'),
      isLearner: s.isLearner === true,
      errors: strings(s.errors),
    };
    if (s.raftAppliedIndex !== undefined)
      out.raftAppliedIndex = num(s.raftAppliedIndex, 'raftAppliedIndex');
    if (s.dbSizeInUse !== undefined) out.dbSizeInUse = num(s.dbSizeInUse, 'dbSizeInUse');
    return out;
  });
}

function parseMember(m: unknown): Member {
  const o = obj(m, 'member');
  return {
    id: idToHex(o.ID),
    name: typeof o.name === 'string' ? o.name : '',
    peerURLs: strings(o.peerURLs),
    clientURLs: strings(o.clientURLs),
    isLearner: o.isLearner === true,
  };
}

/** `etcdctl member list -w json`: `{header, members: [{ID, name, peerURLs, clientURLs, isLearner}]}`. */
export function parseMemberList(text: string): Member[] {
  const o = obj(parseEtcdJson(text, 'etcdctl member list'), 'member list output');
  return array(o.members ?? [], 'member list').map(parseMember);
}

/**
 * A peer port's `/members` (etcd's peer handler, served without raft): the member list as that
 * member itself holds it, `[{id, name, peerURLs, clientURLs, isLearner}]`. The text may begin
 * with HTTP headers (the openssl fallback prints them).
 */
export function parsePeerMembers(text: string): Member[] {
  const start = text.indexOf('[');
  const list = parseEtcdJson(start >= 0 ? text.slice(start) : text, "a peer port's /members");
  return array(list, "a peer port's /members").map((m) => {
    const o = obj(m, 'member');
    return parseMember({ ...o, ID: o.id });
  });
}

export interface MemberAdded {
  id: string;
  /** The ETCD_INITIAL_CLUSTER value etcdctl prints for the new member. */
  initialCluster: string;
  initialClusterState: string;
}

/** `etcdctl member add` simple output: "Member <hex> added to cluster <hex>" + ETCD_* lines. */
export function parseMemberAdd(text: string): MemberAdded {
  const id = /Member\s+([0-9a-f]+)\s+added to cluster/i.exec(text)?.[1];
  const env = parseEnvLines(text);
  if (!id || env.ETCD_INITIAL_CLUSTER === undefined) {
    throw new OperationError(
      `Could not read the output of etcdctl member add (expected "Member <id> added to cluster" and ETCD_INITIAL_CLUSTER=...): ${text.trim().slice(0, 300)}`,
    );
  }
  return {
    id: normaliseHexId(id),
    initialCluster: env.ETCD_INITIAL_CLUSTER,
    initialClusterState: env.ETCD_INITIAL_CLUSTER_STATE ?? 'existing',
  };
}

/** `KEY=value` / `KEY="value"` lines (etcdctl member add, /etc/etcd.env). Comments skipped. */
export function parseEnvLines(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (!m || line.startsWith('#')) continue;
    let value = m[2].trim();
    if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0])) {
      value = value.slice(1, -1);
    }
    out[m[1]] = value;
  }
  return out;
}

/** `etcdctl|etcdutl snapshot status -w json`: `{hash, revision, totalKey, totalSize[, version]}`. */
export function parseSnapshotStatus(text: string): SnapshotStatus {
  const o = obj(parseEtcdJson(text, 'snapshot status'), 'snapshot status output');
  const out: SnapshotStatus = {
    hash: num(o.hash, 'hash'),
    revision: num(o.revision, 'revision'),
    totalKey: num(o.totalKey, 'totalKey'),
    totalSize: num(o.totalSize, 'totalSize'),
  };
  if (typeof o.version === 'string' && o.version) out.version = o.version;
  return out;
}

/** One endpoint's answer to `etcdctl endpoint hashkv --rev=N -w json`. */
export interface EndpointHashKV {
  endpoint: string;
  revision: number;
  hash: number;
  compactRevision: number;
}

/** `etcdctl endpoint hashkv -w json`: `[{Endpoint, HashKV: {header, hash, compact_revision}}]`. */
export function parseEndpointHashKV(text: string, revision: number): EndpointHashKV[] {
  const list = array(parseEtcdJson(text, 'etcdctl endpoint hashkv'), 'endpoint hashkv output');
  return list.map((e) => {
    const o = obj(e, 'endpoint hashkv entry');
    const h = obj(o.HashKV, 'endpoint hashkv result');
    const compact = h.compact_revision;
    return {
      endpoint: String(o.Endpoint ?? ''),
      revision,
      hash: num(h.hash, 'hash'),
      // -1 (never compacted) is printed; an omitted field is proto3's zero.
      compactRevision: typeof compact === 'number' ? compact : num(compact, 'compact_revision'),
    };
  });
}

/** `etcdctl get -w json`: base64 keys and values, `more` when a limit cut the page. */
export function parseGet(text: string): KeyValuePage {
  const o = obj(parseEtcdJson(text, 'etcdctl get'), 'get output');
  const h = obj(o.header ?? {}, 'get header');
  const kvs = array(o.kvs ?? [], 'kvs').map((kv) => {
    const k = obj(kv, 'key-value');
    return {
      key: Buffer.from(String(k.key ?? ''), 'base64'),
      value: Buffer.from(String(k.value ?? ''), 'base64'),
    };
  });
  return {
    revision: num(h.revision, 'revision'),
    kvs,
    more: o.more === true,
    count: num(o.count, 'count'),
  };
}

/**
 * `etcdctl get -w protobuf`: the etcdserverpb.RangeResponse as etcd sent it, keys and values as
 * bytes (no base64, no JSON on either side). Fields: 1 header (its 3: revision), 2 kvs
 * (mvccpb.KeyValue), 3 more, 4 count. Protobuf writes them in that order, so output cut on its
 * way (CutOutputError, as for JSON) ends inside a field, or lacks the count, which is there
 * whenever a key is; an answer without a header revision is no answer of etcd's.
 */
export function parseGetProtobuf(out: Buffer): KeyValuePage {
  let revision: number | undefined;
  const kvs: { key: Buffer; value: Buffer }[] = [];
  let more = false;
  let count: number | undefined;
  try {
    forEachField(out, (field, v) => {
      if (field === 1 && typeof v !== 'number') {
        forEachField(v, (f, hv) => {
          if (f === 3 && typeof hv === 'number') revision = hv;
        });
      } else if (field === 2 && typeof v !== 'number') kvs.push(decodeKeyValue(v));
      else if (field === 3 && typeof v === 'number') more = v !== 0;
      else if (field === 4 && typeof v === 'number') count = v;
    });
  } catch (err) {
    if (!(err instanceof TruncatedMessageError)) {
      throw new OperationError(
        `Could not read the protobuf output of etcdctl get (${out.length} bytes): ${(err as Error).message}.`,
        { cause: err },
      );
    }
    throw new CutOutputError(
      `The protobuf output of etcdctl get ends inside a field (${out.length} bytes): ${err.message}.`,
      { cause: err },
    );
  }
  if (kvs.length > 0 && count === undefined) {
    throw new CutOutputError(
      `The protobuf output of etcdctl get holds ${kvs.length} keys but no count (${out.length} bytes): it ends early.`,
    );
  }
  if (revision === undefined) {
    throw new (out.length === 0 ? CutOutputError : OperationError)(
      `The output of etcdctl get -w protobuf has no header revision (${out.length} bytes): not an etcd range answer.`,
    );
  }
  return { revision, kvs, more, count: count ?? 0 };
}

/** `/version` of an etcd endpoint: `{"etcdserver":"3.4.23","etcdcluster":"3.4.0"}`. */
export function parseVersionEndpoint(text: string): { server: string; cluster: string } {
  const start = text.indexOf('{');
  const o = obj(
    parseEtcdJson(start >= 0 ? text.slice(start) : text, 'the /version endpoint'),
    '/version',
  );
  return { server: String(o.etcdserver ?? ''), cluster: String(o.etcdcluster ?? '') };
}
