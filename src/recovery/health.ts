import type { Member } from '../etcd/etcdctl-output.js';
import type { LayoutName, LayoutPaths } from '../etcd/layout.js';
import type { NodeEtcdTools } from '../etcd/version.js';

/**
 * What the health probe saw. Field names match the planner's `ClusterState` so a
 * ClusterHealth (plus the cluster name) is what planning consumes; the extras are for people.
 */

/** kubeadm: crictl and ctr on the node's PATH, and where its kubelet reads static pods. */
export interface StaticPodFacts {
  crictl: boolean;
  ctr: boolean;
  /** `staticPodPath` of the kubelet's config, when the node has one. */
  kubeletStaticPodPath?: string;
}

export interface EtcdNodeHealth {
  host: string;
  memberName: string;
  address: string;
  clientUrl: string;
  peerUrl: string;
  reachable: boolean;
  /** An etcd process listens on the member's client port (or, without `ss`, runs at all). */
  etcdRunning: boolean;
  /** `etcdctl endpoint health` from the node itself. */
  healthy: boolean;
  /** In the cluster's member list, matched by name or peer URL. */
  isMember: boolean;
  /** The member id (hex) when this host is in the member list. */
  memberId?: string;
  isLearner?: boolean;
  isLeader?: boolean;
  raftIndex?: number;
  raftTerm?: number;
  /** The member's revision from `endpoint status` (answered with or without quorum). */
  revision?: number;
  serverVersion?: string;
  /** The etcd binaries on the node, identified without a running member. */
  tools?: NodeEtcdTools;
  /** Why they could not be identified: node, path, what was printed. */
  toolsError?: string;
  /** kubeadm: what the static-pod flow needs on the node, as found there. */
  staticPod?: StaticPodFacts;
  etcdCertsPresent: boolean;
  /** What the data dir holds (`empty`: nothing in it); absent when the node was not reached. */
  dataDir?: 'missing' | 'empty' | 'present';
  /**
   * Why this member is lost for certain (host does not answer, no etcd process, and what is
   * left of its data dir): decided at once, never rechecked.
   */
  lost?: string;
  /**
   * Why the probe could not tell whether this member is up: our own tooling did not get an
   * answer in time (ping, the facts, etcdctl status) from a node that is not shown to be lost.
   * Neither healthy nor lost: the planner overwrites or removes no such member without --force.
   */
  unknown?: string;
  /** What went wrong while probing, for people (node, what, what to do). */
  errors: string[];
}

export interface ControlPlaneNodeHealth {
  host: string;
  reachable: boolean;
  certsPresent: boolean;
  missingCertDirs: string[];
  errors: string[];
}

export interface ClusterHealth {
  probedAt: string;
  layout: LayoutName;
  /** False when no node could be asked: `layout` is then Kubespray's, assumed. */
  layoutDetected: boolean;
  paths: LayoutPaths;
  clusterId?: string;
  serverVersion?: string;
  toolsVersion: string;
  toolsBumpRevision: boolean;
  /** Member list from a healthy member; empty when none answered. */
  members: Member[];
  /** Voting members (learners do not count towards quorum). */
  voters: number;
  /** Voters whose endpoint answered healthy. */
  healthyVoters: number;
  /** healthyVoters > voters / 2. */
  quorum: boolean;
  /** Members in the cluster that no inventory host matches. */
  unknownMembers: Member[];
  etcd: EtcdNodeHealth[];
  controlPlane: ControlPlaneNodeHealth[];
}

/** The quorum rule, arithmetically: a strict majority of voting members is healthy. */
export function hasQuorum(healthyVoters: number, voters: number): boolean {
  return voters > 0 && healthyVoters > voters / 2;
}

/**
 * The verdict from the cluster's member list and which client URLs answered healthy.
 * Learners do not vote; a member added but never started (no client URL) is an unhealthy
 * voter. With no member list at all, every inventory etcd host counts as an unhealthy voter.
 */
export function quorumVerdict(
  members: readonly Member[],
  healthyClientUrls: ReadonlySet<string>,
  inventoryEtcdHosts: number,
): { voters: number; healthyVoters: number; quorum: boolean } {
  const voting = members.filter((m) => !m.isLearner);
  const voters = members.length ? voting.length : inventoryEtcdHosts;
  const healthyVoters = voting.filter((m) =>
    m.clientURLs.some((u) => healthyClientUrls.has(u)),
  ).length;
  return { voters, healthyVoters, quorum: hasQuorum(healthyVoters, voters) };
}
