import { execFileSync, spawn } from 'node:child_process';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  reportingPid,
  reportingPidUntilRead,
  takeEndMark,
  takePidMarker,
} from '../../../src/nodes/started-command.js';

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

describe('takeEndMark', () => {
  const MARK = Buffer.from('kube-rescue-end-0123456789abcdef');

  async function through(
    chunks: string[],
  ): Promise<{ out: string; marked: number; complete: boolean }> {
    let marked = 0;
    const end = takeEndMark(Readable.from(chunks.map((c) => Buffer.from(c))), MARK, () => {
      marked++;
    });
    let out = '';
    for await (const c of end.stdout) out += c.toString();
    return { out, marked, complete: end.complete() };
  }

  it('passes the output without the mark, and says it arrived whole, the mark split in any place', async () => {
    const text = `${'x'.repeat(70_000)}{"kvs":[]}\n`;
    for (const cut of [1, 5, MARK.length - 1]) {
      const whole = `${text}${MARK}`;
      const at = whole.length - cut;
      expect(
        await through([whole.slice(0, 40_000), whole.slice(40_000, at), whole.slice(at)]),
      ).toEqual({
        out: text,
        marked: 1,
        complete: true,
      });
    }
    expect(await through([MARK.toString()])).toEqual({ out: '', marked: 1, complete: true });
  });

  it('output that stops before the mark is passed on and not complete: never taken for the whole', async () => {
    expect(await through(['{"kvs":[{"key":"a', 'YmM="'])).toEqual({
      out: '{"kvs":[{"key":"aYmM="',
      marked: 0,
      complete: false,
    });
    // The tail lost with part of the mark.
    expect(await through(['out\n', MARK.subarray(0, 10).toString()])).toMatchObject({
      marked: 0,
      complete: false,
    });
    expect(await through([])).toEqual({ out: '', marked: 0, complete: false });
  });

  it('output after the mark makes it not complete', async () => {
    expect(await through([`a${MARK}`, 'more'])).toMatchObject({ marked: 1, complete: false });
  });
});

describe('reportingPidUntilRead', () => {
  it('runs the command without input, prints the mark after its output, waits for stdin to close and keeps its exit code', () => {
    const argv = reportingPidUntilRead(['sh', '-c', 'cat; echo out; echo err >&2; exit 3'], 'MARK');
    let stdout = '';
    let stderr = '';
    let status: number | null = null;
    try {
      execFileSync(argv[0]!, argv.slice(1), { input: 'ignored', stdio: ['pipe', 'pipe', 'pipe'] });
    } catch (err) {
      const e = err as { stdout: Buffer; stderr: Buffer; status: number };
      stdout = e.stdout.toString();
      stderr = e.stderr.toString();
      status = e.status;
    }
    // `cat` read /dev/null, not the wrapper's stdin ('ignored' was the wrapper's to wait on).
    expect(stdout).toBe('out\nMARK');
    expect(stderr).toMatch(/^kube-rescue-pid \d+\nerr\n$/);
    expect(status).toBe(3);
  });

  it('does not exit before its stdin closes', async () => {
    const argv = reportingPidUntilRead(['true'], 'MARK');
    const child = spawn(argv[0]!, argv.slice(1), { stdio: ['pipe', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    let exited = false;
    const closed = new Promise<number | null>((resolve) =>
      child.on('close', (code) => {
        exited = true;
        resolve(code);
      }),
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(out).toBe('MARK');
    expect(exited).toBe(false);
    child.stdin.end();
    expect(await closed).toBe(0);
  });
});
