import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { EtcdCtl } from '../../../src/etcd/etcdctl.js';
import { LocalTransport } from '../../../src/nodes/local.js';
import type { ExecOptions, ExecResult } from '../../../src/nodes/transport.js';

// etcdctl 3.6's `member list -w json`, as a real member printed it.
const members = `{"header":{"cluster_id":6520903666551347351,"member_id":6389788029282303318,"raft_term":2},"members":[{"ID":6389788029282303318,"name":"node1","peerURLs":["https://172.30.0.2:2380"],"clientURLs":["https://172.30.0.2:2379"]}]}`;

/** This machine as the node, counting the shell scripts it is asked to run. */
class CountingTransport extends LocalTransport {
  scripts = 0;
  override script(script: string, options?: ExecOptions): Promise<ExecResult> {
    this.scripts += 1;
    return super.script(script, options);
  }
}

describe('etcdctl: the certificate files checked once for a client and all its copies', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kr-preflight-'));
  const tls = { cacert: join(dir, 'ca.pem'), cert: join(dir, 'c.pem'), key: join(dir, 'k.pem') };
  const client = () => {
    const t = new CountingTransport('node1');
    const out = join(dir, 'members.json');
    writeFileSync(out, members);
    const commands = {
      etcd: ['false'],
      etcdctl: ['sh', '-c', `cat ${out}`, 'etcdctl'],
      etcdutl: ['false'],
    };
    const ctl = new EtcdCtl(t, {
      endpoints: ['https://127.0.0.1:2379'],
      tls,
      tools: { node: 'node1', commands, snapshotTool: 'etcdutl', supportsBumpRevision: true },
    });
    return { t, ctl };
  };

  it('a copy for other endpoints or timeouts asks no check of its own, whichever asks first', async () => {
    for (const f of Object.values(tls)) writeFileSync(f, 'x');
    const { t, ctl } = client();
    await ctl.withEndpoints(['https://127.0.0.2:2379']).memberList();
    await ctl.memberList();
    await ctl.withTimeouts(3000).memberList();
    await ctl.withEndpoints(['https://127.0.0.3:2379']).withTimeouts(3000).memberList();
    expect(t.scripts).toBe(1);
  });

  it('a failed check is made again at the next call, by the client or a copy', async () => {
    for (const f of Object.values(tls)) writeFileSync(f, 'x');
    const missing = join(dir, 'gone.pem');
    const t = new CountingTransport('node1');
    const base = client().ctl;
    const ctl = new EtcdCtl(t, { ...base.options, tls: { ...tls, key: missing } });
    await expect(ctl.withEndpoints(['https://127.0.0.2:2379']).memberList()).rejects.toThrow(
      InputError,
    );
    await expect(ctl.memberList()).rejects.toThrow(
      /certificate files missing or unreadable: .*gone\.pem/,
    );
    writeFileSync(missing, 'x');
    await ctl.withTimeouts(3000).memberList();
    await ctl.memberList();
    expect(t.scripts).toBe(3);
  });
});
