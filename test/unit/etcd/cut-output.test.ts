import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OperationError } from '../../../src/errors.js';
import { EtcdCtl } from '../../../src/etcd/etcdctl.js';
import { CutOutputError, parseEtcdJson, parseGet } from '../../../src/etcd/etcdctl-output.js';
import { LocalTransport } from '../../../src/nodes/local.js';
import type { Progress } from '../../../src/progress.js';

// etcdctl 3.6's `member list -w json`, as a real member printed it.
const members = `{"header":{"cluster_id":6520903666551347351,"member_id":6389788029282303318,"raft_term":2},"members":[{"ID":6389788029282303318,"name":"node1","peerURLs":["https://172.30.0.2:2380"],"clientURLs":["https://172.30.0.2:2379"]}]}`;

describe('output cut on its way (ctr of containerd before 1.6.22 drops the tail of a ctr run)', () => {
  it('tells a JSON document that stops early from one that is wrong inside', () => {
    for (const cut of [
      members.slice(0, 40),
      members.slice(0, members.length - 1),
      '{"a":[1,2',
      '',
    ]) {
      expect(() => parseEtcdJson(cut, 'etcdctl member list'), JSON.stringify(cut)).toThrow(
        CutOutputError,
      );
    }
    for (const wrong of ['Error: context deadline exceeded', '{"a" x}', `${members}}`]) {
      let err: unknown;
      try {
        parseEtcdJson(wrong, 'etcdctl member list');
      } catch (e) {
        err = e;
      }
      expect(err, wrong).toBeInstanceOf(OperationError);
      expect(err, wrong).not.toBeInstanceOf(CutOutputError);
    }
    // The page the clean-clone CI read on 2 December: 5,000 keys, cut inside a base64 value.
    const page = JSON.stringify({
      header: { revision: 7 },
      kvs: [{ key: Buffer.from('/a').toString('base64'), value: 'x'.repeat(100) }],
      more: false,
      count: 1,
    });
    expect(() => parseGet(page.slice(0, page.indexOf('x') + 10))).toThrow(
      /Unterminated string in JSON/,
    );
  });

  /** An etcdctl that prints `members` cut short its first `cuts` runs, then whole (or `text`). */
  function fakeEtcdctl(cuts: number, text = members) {
    const dir = mkdtempSync(join(tmpdir(), 'kr-cut-'));
    const count = join(dir, 'runs');
    const out = join(dir, 'out');
    writeFileSync(count, '0');
    writeFileSync(out, text);
    const script = `n=$(cat ${count}); n=$((n + 1)); echo $n > ${count}
if [ "$n" -le ${cuts} ]; then head -c 50 ${out}; else cat ${out}; fi`;
    const warnings: string[] = [];
    const progress: Progress = {
      info: () => undefined,
      warn: (m) => warnings.push(m),
      debug: () => undefined,
      phase: (_n, work) => work(),
      secret: () => undefined,
    };
    const commands = {
      etcd: ['false'],
      etcdctl: ['sh', '-c', script, 'etcdctl'],
      etcdutl: ['false'],
    };
    const ctl = new EtcdCtl(new LocalTransport('node1'), {
      endpoints: ['https://127.0.0.1:2379'],
      progress,
      tools: { node: 'node1', commands, snapshotTool: 'etcdutl', supportsBumpRevision: true },
    });
    return { ctl, warnings, runs: () => Number(readFileSync(count, 'utf8')) };
  }

  it('asks a read again when its output was cut, and uses only the whole answer', async () => {
    const { ctl, warnings, runs } = fakeEtcdctl(2);
    const list = await ctl.memberList();
    expect(list.map((m) => m.name)).toEqual(['node1']);
    expect(runs()).toBe(3);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(
      /Node node1: the output of etcdctl member list was cut short on its way \(50 bytes, JSON unfinished\); asking again \(2 of 3\)/,
    );
  });

  it('gives up after three cut answers, saying why and what to do', async () => {
    const { ctl, runs } = fakeEtcdctl(99);
    await expect(ctl.memberList()).rejects.toThrow(
      /Node node1: the output of etcdctl member list was cut short on its way 3 times in a row, so it cannot be trusted\. ctr of containerd before 1\.6\.22.*upgrade containerd on node1/s,
    );
    expect(runs()).toBe(3);
  });

  it('does not repeat an answer that is whole but wrong', async () => {
    const { ctl, warnings, runs } = fakeEtcdctl(0, 'Error: etcdserver: request timed out');
    await expect(ctl.memberList()).rejects.toThrow(/etcdctl member list.*request timed out/s);
    expect(runs()).toBe(1);
    expect(warnings).toEqual([]);
  });
});
