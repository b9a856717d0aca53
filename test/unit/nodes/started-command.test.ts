import { execFileSync } from 'node:child_process';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { reportingPid, takePidMarker } from '../../../src/nodes/started-command.js';

async function strip(chunks: string[]): Promise<{ pid?: number; rest: string }> {
  let pid: number | undefined;
  const out = takePidMarker(Readable.from(chunks.map((c) => Buffer.from(c))), (p) => {
    pid = p;
  });
  let rest = '';
  for await (const c of out) rest += c.toString();
  return { pid, rest };
}

describe('takePidMarker', () => {
  it('takes the PID line even when it arrives in pieces, and passes the rest', async () => {
    expect(await strip(['kube-rescue-p', 'id 4242\nwarn', 'ing: x\n'])).toEqual({
      pid: 4242,
      rest: 'warning: x\n',
    });
  });

  it('passes stderr unchanged when the command never started (no PID line)', async () => {
    expect(await strip(['sudo: a password is required\n'])).toEqual({
      pid: undefined,
      rest: 'sudo: a password is required\n',
    });
    expect(await strip(['short'])).toEqual({ pid: undefined, rest: 'short' });
  });

  it('is fed by the wrapper that really prints it', () => {
    const argv = reportingPid(['sh', '-c', 'echo out; echo err >&2']);
    const result = execFileSync(argv[0], argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
    expect(result.toString()).toBe('out\n');
    const both = execFileSync('sh', ['-c', '"$@" 2>&1', 'sh', ...argv]).toString();
    expect(both).toMatch(/^kube-rescue-pid \d+\nout\nerr\n$/);
  });
});
