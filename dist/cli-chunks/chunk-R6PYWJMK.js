#!/usr/bin/env node
import {
  KUBELET_CONFIG,
  detectLayout,
  etcdLostLogPanic,
  kubeadmLayout,
  layoutByName
} from "./chunk-E33XPV3C.js";
import {
  EtcdCtl,
  defaultToolCommands,
  etcdToolsOf,
  identifyEtcdBinaries
} from "./chunk-U6HZZ6QY.js";
import {
  TransportTimeoutError,
  UnreachableError,
  silentProgress
} from "./chunk-ZZ57F2FG.js";
import {
  InputError
} from "./chunk-BCQJ3TK4.js";

// src/etcd/urls.ts
var peerURLOf = (address) => `https://${address}:2380`;
var clientURLOf = (address) => `https://${address}:2379`;

// src/recovery/health.ts
function hasQuorum(healthyVoters, voters) {
  return voters > 0 && healthyVoters > voters / 2;
}
function quorumVerdict(members, healthyClientUrls, inventoryEtcdHosts) {
  const voting = members.filter((m) => !m.isLearner);
  const voters = members.length ? voting.length : inventoryEtcdHosts;
  const healthyVoters = voting.filter(
    (m) => m.clientURLs.some((u) => healthyClientUrls.has(u))
  ).length;
  return { voters, healthyVoters, quorum: hasQuorum(healthyVoters, voters) };
}

// src/recovery/evidence.ts
function definiteLoss(f) {
  if (!f.reachable)
    return `host does not answer${f.unreachableWhy ? ` (${f.unreachableWhy})` : ""}`;
  if (f.etcdRunning) return void 0;
  const why = [`no etcd process listens on client port ${f.clientPort ?? "2379"}`];
  if (f.dataDir === "missing" || f.dataDir === "empty") {
    why.push(`data dir ${f.dataDirPath ?? ""} is ${f.dataDir}`.replace("  ", " "));
  }
  return why.join("; ");
}
function quorumPossible(up, voters) {
  return hasQuorum(up, voters);
}
function liveLeader(view, liveIds) {
  const l = view.leader.replace(/^0+/, "");
  return l && liveIds.has(l) ? l : void 0;
}
var realClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms))
};
async function watchForLeader(look, liveIds, options) {
  const clock = options.clock ?? realClock;
  const pollMs = options.pollMs ?? 200;
  const quietMs = 2 * options.electionTimeoutMs + pollMs;
  const t0 = clock.now();
  let lastTerm = -1;
  let lastMove = t0;
  let termMoved = false;
  for (; ; ) {
    const views = await look();
    const now = clock.now();
    const elapsed = now - t0;
    const term = Math.max(-1, ...views.map((v) => v.raftTerm));
    for (const v of views) {
      const leader = liveLeader(v, liveIds);
      if (leader) return { kind: "leader", leader, afterMs: elapsed, term: v.raftTerm };
    }
    if (term !== lastTerm) {
      if (lastTerm !== -1) termMoved = true;
      lastTerm = term;
      lastMove = now;
    }
    if (now - lastMove >= quietMs) {
      return {
        kind: "no-leader",
        afterMs: elapsed,
        term,
        termMoved,
        why: `no leader, raft term ${term} unchanged for ${((now - lastMove) / 1e3).toFixed(1)} s (election timeout ${options.electionTimeoutMs / 1e3} s): no election is under way`
      };
    }
    if (elapsed >= options.boundMs) {
      return {
        kind: "no-leader",
        afterMs: elapsed,
        term,
        termMoved,
        why: `no leader within ${(options.boundMs / 1e3).toFixed(1)} s${termMoved ? `, raft term still moving (now ${term}): elections keep failing` : `, raft term ${term}`}`
      };
    }
    await clock.sleep(Math.min(pollMs, Math.max(0, options.boundMs - elapsed)));
  }
}
var INITIAL_REVISION = 1;
function emptyKeyspaceLosses(views) {
  const out = /* @__PURE__ */ new Map();
  const byCluster = /* @__PURE__ */ new Map();
  for (const v of views) byCluster.set(v.clusterId, [...byCluster.get(v.clusterId) ?? [], v]);
  const longest = (vs) => Math.max(...vs.map((v) => v.raftIndex));
  const [main] = [...byCluster.values()].sort(
    (a, b) => b.length - a.length || longest(b) - longest(a)
  );
  const ahead = [...main ?? []].sort(
    (a, b) => b.revision - a.revision || b.raftIndex - a.raftIndex
  )[0];
  if (!ahead || ahead.revision <= INITIAL_REVISION) return out;
  const peer = `${ahead.host} (member ${ahead.memberId} of cluster ${ahead.clusterId}) is at revision ${ahead.revision}, raft index ${ahead.raftIndex}`;
  for (const v of views) {
    if (v.clusterId !== ahead.clusterId && v.raftIndex < ahead.raftIndex) {
      out.set(
        v.host,
        `etcd answers for another cluster: member ${v.memberId} of cluster ${v.clusterId} at revision ${v.revision}, raft index ${v.raftIndex}, while ${peer}; its data dir was wiped and etcd bootstrapped a new cluster of its own there`
      );
    } else if (v.revision <= INITIAL_REVISION && v.raftIndex < ahead.raftIndex) {
      out.set(
        v.host,
        `etcd answers, but with an empty store: member ${v.memberId} is at revision ${v.revision} (etcd's first), raft index ${v.raftIndex}, while ${peer}; a member's revision never goes back, so its data dir was wiped and etcd re-created it`
      );
    }
  }
  return out;
}
var LOST_DATA_EXIT = /tocommit\(\d+\) is out of range \[lastIndex\(\d+\)\]|error validating peerURLs[^"]*|cannot fetch cluster info from peer urls[^"]*/;

// src/recovery/probe.ts
var ETCD_DEFAULT_ELECTION_TIMEOUT_MS = 1e3;
var GONE_HOST_CONNECT_MS = 5e3;
var ProbeTimeout = class extends Error {
};
function withTimeout(work, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new ProbeTimeout(`${what} did not finish within ${ms / 1e3} s`)),
      ms
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
var message = (err) => err instanceof Error ? err.message : String(err);
function memberUrls(inventory, host, address) {
  const vars = inventory.hosts.get(host)?.vars ?? {};
  const str = (v) => typeof v === "string" && v ? v : void 0;
  return {
    client: str(vars.etcd_client_url) ?? clientURLOf(address),
    peer: str(vars.etcd_peer_url) ?? peerURLOf(address)
  };
}
function clientTls(access, layout, host) {
  const fromLayout = layout.clientTls(host);
  return {
    cacert: access.etcdCacert ?? fromLayout.cacert,
    cert: access.etcdCert ?? fromLayout.cert,
    key: access.etcdKey ?? fromLayout.key
  };
}
async function resolveLayout(t, access, options) {
  if (options.layout) return options.layout;
  return access.layout === "auto" ? detectLayout(t) : layoutByName(access.layout);
}
async function missingDirs(t, dirs) {
  if (dirs.length === 0) return [];
  const res = await t.exec(
    ["sh", "-c", 'for d in "$@"; do [ -d "$d" ] || echo "$d"; done', "sh", ...dirs],
    {
      allowFailure: true,
      timeoutMs: 1e4
    }
  );
  return res.stdout.split("\n").filter(Boolean);
}
async function etcdNodeFacts(t, layout, port) {
  const script = [
    '[ -d "$1" ] && echo certs=yes',
    // An unreadable dir (not root) is not called empty.
    'if [ ! -d "$2" ]; then echo data=missing; elif [ ! -r "$2" ] || [ -n "$(ls -A "$2")" ]; then echo data=present; else echo data=empty; fi',
    `if command -v ss >/dev/null 2>&1; then ss -Hltnp 'sport = :${Number(port)}' | grep -q etcd; else pgrep -x etcd >/dev/null; fi && echo listening=yes`,
    `[ -n "$3" ] && [ -r "$3" ] && sed -n 's/^ETCD_ELECTION_TIMEOUT=/election=/p' "$3"`,
    `[ -n "$4" ] && [ -r "$4" ] && sed -n 's/.*--election-timeout=/election=/p' "$4"`,
    // kubeadm: crictl confirms each stop and start; the kubelet says where its static pods are.
    ...layout.name === "kubeadm" ? [
      "command -v crictl >/dev/null 2>&1 && echo crictl=yes",
      "command -v ctr >/dev/null 2>&1 && echo ctr=yes",
      `[ -r ${KUBELET_CONFIG} ] && sed -n 's/^staticPodPath:[[:space:]]*/staticpods=/p' ${KUBELET_CONFIG}`
    ] : [],
    "exit 0"
  ].join("\n");
  const res = await t.exec(
    [
      "sh",
      "-c",
      script,
      "sh",
      layout.etcdCertDir,
      layout.dataDir,
      layout.envFile ?? "",
      layout.etcdManifest ?? ""
    ],
    { allowFailure: true, timeoutMs: 1e4 }
  );
  const out = res.stdout;
  const data = /^data=(missing|empty|present)$/m.exec(out)?.[1];
  const election = Number(/^election=["']?(\d+)/m.exec(out)?.[1]);
  const staticPods = /^staticpods=["']?([^"'\s]+)/m.exec(out)?.[1];
  return {
    certsPresent: /^certs=yes$/m.test(out),
    dataDir: data ?? "missing",
    listening: /^listening=yes$/m.test(out),
    ...election > 0 ? { electionTimeoutMs: election } : {},
    ...layout.name === "kubeadm" ? {
      staticPod: {
        crictl: /^crictl=yes$/m.test(out),
        ctr: /^ctr=yes$/m.test(out),
        ...staticPods ? { kubeletStaticPodPath: staticPods.replace(/\/+$/, "") } : {}
      }
    } : {}
  };
}
var DOUBTFUL_LEADER_MS = 1e3;
async function judgeHealth(etcd, inventoryVoters, o) {
  const running = etcd.filter((p) => p.health.etcdRunning && !p.health.lost).length;
  const liveIds = new Set(etcd.flatMap((p) => p.status && p.ctl ? [p.status.memberId] : []));
  const answered = etcd.filter((p) => p.status && p.ctl && !p.health.lost);
  const possible = quorumPossible(running, inventoryVoters);
  const ask = async (p, ms) => {
    try {
      const [h] = await withTimeout(
        p.ctl.withTimeouts(ms).endpointHealth(),
        o.timeoutMs,
        `endpoint health of ${p.health.host}`
      );
      if (h?.healthy === true) return void 0;
      return `endpoint ${p.health.clientUrl} unhealthy: ${h?.error ?? "no answer"}`;
    } catch (err) {
      return message(err);
    }
  };
  const check = async (p, ms, certain = false) => {
    let why = await ask(p, ms);
    if (why && certain) {
      p.health.errors.push(why);
      why = await ask(p, 2 * ms);
      if (why) {
        p.health.unknown = `names live leader ${p.status?.leader ?? "?"} but did not answer healthy within ${2 * ms / 1e3} s, twice (${why})`;
      }
    }
    p.health.healthy = why === void 0;
    if (why) p.health.errors.push(why);
  };
  const leads = (p) => liveLeader(p.status, liveIds) !== void 0;
  const cannotVote = etcd.filter(
    (p) => p.health.reachable && (!p.health.etcdRunning && (p.health.dataDir === "missing" || p.health.dataDir === "empty") || p.health.etcdRunning && p.health.lost !== void 0)
  );
  const certainlyLost = !quorumPossible(inventoryVoters - cannotVote.length, inventoryVoters);
  if (certainlyLost) {
    for (const p of answered.filter(leads)) {
      p.health.errors.push(
        `${p.health.host} still names a leader, but ${cannotVote.length} of ${inventoryVoters} members hold no data (${cannotVote.map((c) => c.health.host).join(", ")}): no quorum of the cluster's data can commit`
      );
    }
  } else {
    await Promise.all(
      answered.filter(leads).map((p) => possible ? check(p, o.etcdTimeoutMs, true) : check(p, DOUBTFUL_LEADER_MS))
    );
  }
  const leaderless = answered.filter((p) => !leads(p));
  if (leaderless.length === 0) return;
  if (!possible) {
    for (const p of leaderless) {
      p.health.errors.push(
        `no leader, and only ${running} of ${inventoryVoters} members run: no election can end with one`
      );
    }
    return;
  }
  const electionTimeoutMs = Math.max(
    ETCD_DEFAULT_ELECTION_TIMEOUT_MS,
    ...etcd.flatMap((p) => p.electionTimeoutMs ? [p.electionTimeoutMs] : [])
  );
  const outcome = await watchForLeader(
    async () => {
      const views = await Promise.all(
        leaderless.map(async (p) => {
          const s = (await p.ctl.endpointStatus().catch(() => void 0))?.statuses[0];
          if (s) {
            p.status = s;
            p.health.raftIndex = s.raftIndex;
            p.health.raftTerm = s.raftTerm;
            p.health.revision = s.revision;
            p.health.isLeader = s.isLeader;
            liveIds.add(s.memberId);
          }
          return s;
        })
      );
      return views.filter((v) => v !== void 0);
    },
    liveIds,
    {
      electionTimeoutMs,
      boundMs: o.electionBoundMs ?? Math.min(4 * electionTimeoutMs + 1e3, 3e4),
      ...o.clock ? { clock: o.clock } : {}
    }
  );
  if (outcome.kind === "leader") {
    await Promise.all(leaderless.map((p) => check(p, o.etcdTimeoutMs, true)));
    return;
  }
  for (const p of leaderless) p.health.errors.push(`${p.health.host}: ${outcome.why}`);
  const namesOne = leaderless.filter((p) => p.status?.leader.replace(/^0+/, ""));
  await Promise.all(namesOne.map((p) => check(p, DOUBTFUL_LEADER_MS)));
}
async function probeCluster(inventory, transportFor, access, options = {}) {
  const timeoutMs = options.timeoutMs ?? 2e4;
  const etcdTimeoutMs = options.etcdTimeoutMs ?? 4e3;
  const progress = options.progress ?? silentProgress;
  const etcdHosts = inventory.etcdMembers();
  const connectBound = (host) => options.goneHosts?.includes(host) ? Math.min(timeoutMs, GONE_HOST_CONNECT_MS) : timeoutMs;
  const probeEtcd = async (e) => {
    const urls = memberUrls(inventory, e.host, e.address);
    const health2 = {
      host: e.host,
      memberName: e.memberName,
      address: e.address,
      clientUrl: urls.client,
      peerUrl: urls.peer,
      reachable: false,
      etcdRunning: false,
      healthy: false,
      isMember: false,
      etcdCertsPresent: false,
      errors: []
    };
    const out = { health: health2 };
    let factsSeen = false;
    let statusWhy;
    const work = async () => {
      const t = await transportFor(e.host);
      const t0 = performance.now();
      const took = (what) => progress.debug(`probe ${e.host}: ${what} after ${(performance.now() - t0).toFixed(0)} ms`);
      await t.ping({ timeoutMs: connectBound(e.host) });
      health2.reachable = true;
      took("connected");
      const hostCommands = options.commands ?? defaultToolCommands;
      const detection = etcdToolsOf(t, hostCommands);
      detection.then(
        () => took("etcd tools identified"),
        () => {
        }
      );
      let layout2;
      try {
        layout2 = await resolveLayout(t, access, options);
        took(`layout ${layout2.name}`);
      } catch (err) {
        const kubeadm = kubeadmLayout();
        const commands2 = options.commands ?? (access.layout === "kubespray" ? defaultToolCommands : await kubeadm.toolCommands(t).catch(() => defaultToolCommands));
        const identified = await identifyEtcdBinaries(
          t,
          commands2,
          [kubeadm.etcdManifest, kubeadm.parkedEtcdManifest].filter((p) => Boolean(p)),
          etcdToolsOf(t, commands2)
        ).catch(() => void 0);
        if (identified && "tools" in identified) health2.tools = identified.tools;
        else if (identified) health2.toolsError = identified.error;
        throw err;
      }
      out.layout = layout2;
      const tls = clientTls(access, layout2, e.host);
      const port = new URL(urls.client).port || "2379";
      const commands = options.commands ?? await layout2.toolCommands(t).catch((err) => {
        health2.toolsError = `${e.host}: ${message(err)}`;
        return defaultToolCommands;
      });
      const tools2 = etcdToolsOf(t, commands);
      const ctlOf = async () => new EtcdCtl(t, {
        endpoints: [urls.client],
        tls,
        commands,
        tools: await tools2,
        // Status answers at once from a member that is up, with or without quorum.
        dialTimeoutMs: Math.min(etcdTimeoutMs, 1e3),
        commandTimeoutMs: Math.min(etcdTimeoutMs, 1e3)
      });
      const identify = identifyEtcdBinaries(
        t,
        commands,
        [layout2.etcdManifest, layout2.parkedEtcdManifest].filter((p) => Boolean(p)),
        tools2
      ).then((identified) => {
        if ("tools" in identified) health2.tools = identified.tools;
        else health2.toolsError = identified.error;
      });
      const look = (async () => {
        const facts = await etcdNodeFacts(t, layout2, port);
        factsSeen = true;
        took(
          `facts (etcd ${facts.listening ? "listens" : "does not listen"}, data dir ${facts.dataDir})`
        );
        health2.etcdCertsPresent = facts.certsPresent;
        health2.etcdRunning = facts.listening;
        health2.dataDir = facts.dataDir;
        if (facts.staticPod) health2.staticPod = facts.staticPod;
        if (facts.electionTimeoutMs) out.electionTimeoutMs = facts.electionTimeoutMs;
        const lost = definiteLoss({
          reachable: true,
          etcdRunning: facts.listening,
          dataDir: facts.dataDir,
          dataDirPath: layout2.dataDir,
          clientPort: port
        });
        if (lost) {
          health2.lost = lost;
          health2.errors.push(`${e.host}: ${lost}`);
          return;
        }
        const ctl = await ctlOf();
        out.ctl = ctl;
        const status = (c) => c.endpointStatus().then(
          (r) => ({ s: r.statuses[0], why: "no status in its answer" }),
          (err) => ({ s: void 0, why: message(err) })
        );
        let answer = await status(ctl);
        if (!answer.s) {
          health2.errors.push(
            `endpoint ${urls.client} did not answer status within ${ctl.options.commandTimeoutMs / 1e3} s (${answer.why}); asking once more`
          );
          answer = await status(ctl.withTimeouts(etcdTimeoutMs));
          if (!answer.s) statusWhy = answer.why;
        }
        took("endpoint status");
        const s = answer.s;
        if (s) {
          out.status = s;
          health2.memberId = s.memberId;
          health2.raftIndex = s.raftIndex;
          health2.raftTerm = s.raftTerm;
          health2.revision = s.revision;
          health2.isLeader = s.isLeader;
          health2.serverVersion = s.version;
          out.clusterId = s.clusterId;
        } else {
          health2.errors.push(
            `endpoint ${urls.client} does not answer status (etcd runs on ${e.host})`
          );
          if (layout2.name === "kubeadm") {
            const panicked = await etcdLostLogPanic(t, LOST_DATA_EXIT).catch(() => void 0);
            if (panicked) {
              health2.lost = panicked;
              health2.errors.push(`${e.host}: ${panicked}`);
            }
          }
        }
      })();
      await Promise.all([identify, look]);
    };
    try {
      await withTimeout(work(), timeoutMs, `probing ${e.host}`);
    } catch (err) {
      if (err instanceof InputError) throw err;
      health2.errors.push(message(err));
      if (!health2.reachable && err instanceof UnreachableError)
        health2.lost = `host does not answer (${message(err)})`;
      else if (!health2.reachable)
        health2.unknown = err instanceof ProbeTimeout || err instanceof TransportTimeoutError ? `did not answer within ${connectBound(e.host) / 1e3} s (${message(err)})` : `could not be probed (${message(err)})`;
      else if (!health2.lost && !factsSeen && (err instanceof ProbeTimeout || err instanceof TransportTimeoutError))
        health2.unknown = `answered, but the look at its etcd process and data dir did not finish (${message(err)})`;
    }
    if (health2.reachable && health2.etcdRunning === true && !health2.lost && !health2.unknown && !out.status) {
      health2.unknown = `etcd listens on ${urls.client} but did not answer status within ${etcdTimeoutMs / 1e3} s, twice (${statusWhy ?? health2.errors.at(-1) ?? "no answer"})`;
    }
    return out;
  };
  const probeControlPlane = async (host) => {
    const h = {
      host,
      reachable: false,
      certsPresent: false,
      missingCertDirs: [],
      errors: []
    };
    try {
      await withTimeout(
        (async () => {
          const t = await transportFor(host);
          await t.ping({ timeoutMs: connectBound(host) });
          h.reachable = true;
          const layout2 = await resolveLayout(t, access, options);
          h.missingCertDirs = await missingDirs(t, layout2.kubernetesCertDirs.slice(0, 1));
          h.certsPresent = h.missingCertDirs.length === 0;
        })(),
        timeoutMs,
        `probing ${host}`
      );
    } catch (err) {
      h.errors.push(message(err));
    }
    return h;
  };
  progress.debug(
    `probe: ${etcdHosts.length} etcd and ${inventory.controlPlane().length} control-plane hosts, each within ${timeoutMs / 1e3} s`
  );
  const [etcd, controlPlane] = await Promise.all([
    Promise.all(etcdHosts.map(probeEtcd)),
    Promise.all(inventory.controlPlane().map(probeControlPlane))
  ]);
  const empty = emptyKeyspaceLosses(
    etcd.flatMap(
      (p) => p.status && !p.health.lost ? [
        {
          host: p.health.host,
          memberId: p.status.memberId,
          clusterId: p.status.clusterId,
          revision: p.status.revision,
          raftIndex: p.status.raftIndex
        }
      ] : []
    )
  );
  for (const p of etcd) {
    const why = empty.get(p.health.host);
    if (!why) continue;
    p.health.lost = why;
    p.health.errors.push(`${p.health.host}: ${why}`);
  }
  const judged = performance.now();
  await judgeHealth(etcd, etcdHosts.length, {
    etcdTimeoutMs,
    timeoutMs,
    electionBoundMs: options.electionBoundMs,
    clock: options.clock
  });
  progress.debug(`probe: health judged in ${(performance.now() - judged).toFixed(0)} ms`);
  let members = [];
  let healthyUrls = /* @__PURE__ */ new Set();
  let tools;
  const healthySources = etcd.filter((p) => p.health.healthy && p.ctl);
  const matchOf = (m) => etcd.find(
    (p) => m.name !== "" && m.name === p.health.memberName || m.peerURLs.includes(p.health.peerUrl)
  );
  for (const source of healthySources) {
    try {
      const ctl = source.ctl.withTimeouts(etcdTimeoutMs);
      members = await withTimeout(
        ctl.memberList(),
        timeoutMs,
        `member list from ${source.health.host}`
      );
      tools = await ctl.etcdTools();
      const voters = members.filter((m) => !m.isLearner);
      healthyUrls = new Set(
        voters.flatMap((m) => matchOf(m)?.health.healthy ? m.clientURLs : [])
      );
      const elsewhere = voters.filter((m) => !matchOf(m)).flatMap((m) => m.clientURLs.slice(0, 1));
      const answers = elsewhere.length ? await withTimeout(
        ctl.withEndpoints(elsewhere).endpointHealth(),
        timeoutMs,
        "endpoint health of the members outside the inventory"
      ) : [];
      for (const a of answers) if (a.healthy) healthyUrls.add(a.endpoint);
      break;
    } catch (err) {
      source.health.errors.push(`could not read the cluster's member list here: ${message(err)}`);
      members = [];
      healthyUrls = /* @__PURE__ */ new Set();
    }
  }
  if (healthySources.length === 0)
    progress.warn("No etcd member answered healthy: no member list, no quorum.");
  const fromNodes = etcd.find((p) => p.health.tools)?.health.tools;
  const matched = /* @__PURE__ */ new Set();
  for (const p of etcd) {
    const m = members.find(
      (x) => x.name !== "" && x.name === p.health.memberName || x.peerURLs.includes(p.health.peerUrl)
    );
    if (m) {
      p.health.isMember = true;
      p.health.memberId = m.id;
      p.health.isLearner = m.isLearner;
      matched.add(m.id);
    }
  }
  const verdict = quorumVerdict(members, healthyUrls, etcdHosts.length);
  const layout = etcd.find((p) => p.layout)?.layout ?? options.layout ?? layoutByName(access.layout === "auto" ? "kubespray" : access.layout);
  const health = {
    probedAt: (/* @__PURE__ */ new Date()).toISOString(),
    layout: layout.name,
    layoutDetected: etcd.some((p) => p.layout) || options.layout !== void 0 || access.layout !== "auto",
    paths: {
      etcdCertDir: layout.etcdCertDir,
      dataDir: layout.dataDir,
      kubernetesCertDirs: layout.kubernetesCertDirs,
      manifestsDir: layout.manifestsDir,
      ...layout.envFile ? { envFile: layout.envFile } : {},
      ...layout.etcdManifest ? { etcdManifest: layout.etcdManifest } : {}
    },
    toolsVersion: tools ? tools[tools.snapshotTool]?.raw ?? "" : fromNodes?.snapshotToolVersion ?? "",
    toolsBumpRevision: tools ? tools.supportsBumpRevision : etcd.length > 0 && etcd.every((p) => p.health.tools?.bumpRevision === true),
    members,
    ...verdict,
    unknownMembers: members.filter((m) => !matched.has(m.id)),
    etcd: etcd.map((p) => p.health),
    controlPlane
  };
  const clusterId = etcd.find((p) => p.clusterId && !p.health.lost)?.clusterId ?? etcd.find((p) => p.clusterId)?.clusterId;
  if (clusterId) health.clusterId = clusterId;
  const serverVersion = etcd.find((p) => p.health.serverVersion)?.health.serverVersion;
  if (serverVersion) health.serverVersion = serverVersion;
  for (const n of etcd)
    if (n.health.errors.length) progress.debug(`${n.health.host}: ${n.health.errors.join("; ")}`);
  return health;
}

export {
  peerURLOf,
  clientURLOf,
  memberUrls,
  clientTls,
  probeCluster
};
//# sourceMappingURL=chunk-R6PYWJMK.js.map
