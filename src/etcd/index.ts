/**
 * The etcd driver. What each module gives:
 *
 * - version:   detectEtcdTools(transport, commands?) → EtcdTools { server, etcdctl, etcdutl,
 *              snapshotTool: 'etcdctl'|'etcdutl', supportsBumpRevision }; supportsBumpRevision(tools);
 *              parseToolVersion, chooseSnapshotTool.
 * - etcdctl:   new EtcdCtl(transport, { endpoints, tls: {cacert,cert,key}, tools?, commands? }):
 *              endpointHealth(), endpointStatus(), memberList(), memberAdd(name, peerURLs) (waits
 *              for the cluster version, retries "unhealthy cluster"), memberRemove(idHex),
 *              snapshotSave(endpoint, path), snapshotStatus(path), snapshotRestore({...}),
 *              keyCount(), getPage(), clusterVersion(endpoint), withEndpoints([...]).
 * - etcdctl-output: parsers of `-w json` output; ids as hex via BigInt (idToHex).
 * - snapshot-tool: new EtcdSnapshotTool(transport).status(path) / .restore({...}) — offline,
 *              no endpoint (etcdutl on 3.5+, etcdctl on 3.4); EtcdCtl.snapshotStatus/Restore delegate.
 * - snapshot-file: verifySnapshotTrailer(stream) → { ok, expected, actual, bytes, problem?, detail? }.
 * - fingerprint: KeyspaceFingerprint { revision, count, sha256 }; fingerprintEndpoints(access),
 *              fingerprintWithClient(etcd3), fingerprintViaEtcdCtl(ctl) — the same hash either way.
 * - layout:    kubesprayLayout(), kubeadmLayout(), layoutByName(name), detectLayout(transport):
 *              cert/data/manifest paths, clientTls(host), backupPaths(host), stopEtcd/startEtcd.
 * - local-cluster: LocalEtcdCluster.start({ size|names, tls?, dataDirs?, ports? }) → real etcd
 *              processes on 127.0.0.1; kill(name), restart(name), prepareJoin/startJoined, stop().
 */
export * from './etcdctl.js';
export * from './etcdctl-output.js';
export * from './fingerprint.js';
export * from './layout.js';
export * from './local-cluster.js';
export * from './snapshot-file.js';
export * from './snapshot-tool.js';
export * from './version.js';
