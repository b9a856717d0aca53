import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { expect, it, vi } from 'vitest';
import { CommandFailedError, TransportTimeoutError } from '../../../src/nodes/errors.js';
import type { Transport } from '../../../src/nodes/transport.js';

/**
 * What every Transport must do, whatever carries the commands. Each transport's test file
 * runs these against a real node of its kind (this machine, a real sshd, a real container).
 */
export function transportContract(
  transport: () => Transport,
  opts: { scratchDir: () => string },
): void {
  it('runs argv without a shell, so metacharacters arrive literally', async () => {
    const arg = `it's "$HOME" \`id\` ; | & * \\ \n end`;
    const result = await transport().exec(['printf', '%s', arg]);
    expect(result).toEqual({ code: 0, stdout: arg, stderr: '' });
  });

  it('passes env and stdin (string and stream) to the command', async () => {
    const env = await transport().exec(['sh', '-c', 'printf %s "$KR_A/$KR_B"'], {
      env: { KR_A: 'one two', KR_B: "it's" },
    });
    expect(env.stdout).toBe("one two/it's");
    const fromString = await transport().exec(['cat'], { stdin: 'from a string' });
    expect(fromString.stdout).toBe('from a string');
    const fromStream = await transport().exec(['wc', '-c'], {
      stdin: Readable.from(Array.from({ length: 64 }, () => Buffer.alloc(16_384, 7))),
    });
    expect(fromStream.stdout.trim()).toBe(String(64 * 16_384));
  });

  it('reports a non-zero exit with node, masked command, code and stderr tail', async () => {
    const secret = 'hunter2-secret-token';
    const err = await transport()
      .script(`echo "line for $0" >&2; echo "leaked ${secret}" >&2; exit 7`, { mask: [secret] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CommandFailedError);
    const failed = err as CommandFailedError;
    expect(failed.node).toBe(transport().node);
    expect(failed.commandExitCode).toBe(7);
    expect(failed.message).toContain('exited with code 7');
    expect(failed.message).toContain('leaked ***');
    expect(failed.message).not.toContain(secret);
    expect(failed.command).not.toContain(secret);
    const allowed = await transport().exec(['sh', '-c', 'exit 3'], { allowFailure: true });
    expect(allowed.code).toBe(3);
  });

  it('stops a command that outlives its timeout', async () => {
    const t0 = Date.now();
    const err = await transport()
      .exec(['sleep', '30'], { timeoutMs: 500 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransportTimeoutError);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it('stops the children of a timed-out script too', async () => {
    const marker = `${opts.scratchDir()}/child-survived`;
    await expect(
      transport().script(`(sleep 1; touch ${marker}) & wait`, { timeoutMs: 300 }),
    ).rejects.toThrow(/did not finish within 300 ms; it was stopped/);
    await new Promise((r) => setTimeout(r, 1500));
    const check = await transport().exec(['test', '-e', marker], { allowFailure: true });
    expect(check.code).toBe(1);
  });

  it('streams stdout and ends the stream only after a clean exit', async () => {
    const run = transport().execStream(['sh', '-c', 'head -c 5000000 /dev/zero']);
    const hash = createHash('sha256');
    await pipeline(run.stdout, hash);
    expect(hash.digest('hex')).toBe(
      createHash('sha256').update(Buffer.alloc(5_000_000)).digest('hex'),
    );
    await expect(run.done).resolves.toMatchObject({ code: 0 });

    const failing = transport().execStream(['sh', '-c', 'printf partial; exit 4']);
    await expect(pipeline(failing.stdout, createHash('sha256'))).rejects.toBeInstanceOf(
      CommandFailedError,
    );
    await expect(failing.done).rejects.toBeInstanceOf(CommandFailedError);
  });

  it('stops the command when its reader gives up on the stream', async () => {
    const run = transport().execStream(['sh', '-c', 'while :; do echo endless-output; done']);
    for await (const _ of run.stdout) break; // leaving the loop destroys the stream
    const err = await run.done.catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/reader of command .* stopped before it finished/);
  });

  it('writes a file atomically with mode and owner, and reads it back as a stream', async () => {
    const path = `${opts.scratchDir()}/written.bin`;
    const content = Buffer.from(Array.from({ length: 300_000 }, (_, i) => i % 251));
    await transport().writeFile(path, Readable.from([content]), {
      mode: 0o640,
      owner: 'root:root',
    });
    const stat = await transport().exec(['stat', '-c', '%a %U %G %s', path]);
    expect(stat.stdout.trim()).toBe(`640 root root ${content.length}`);
    const chunks: Buffer[] = [];
    for await (const c of transport().readFile(path)) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(content)).toBe(true);

    await transport().writeFile(path, 'replaced');
    const after = await transport().exec([
      'sh',
      '-c',
      'stat -c %a "$1"; cat "$1"; echo; ls -a "$(dirname "$1")"',
      'sh',
      path,
    ]);
    const [mode, text, ...listing] = after.stdout.trim().split('\n');
    expect(mode).toBe('600');
    expect(text).toBe('replaced');
    expect(listing.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes data in hand (a Buffer) with mode and owner in one command, and refuses a dir that is not there', async () => {
    const path = `${opts.scratchDir()}/in-hand.env`;
    const t = transport();
    const exec = vi.spyOn(t, 'exec');
    try {
      await t.writeFile(path, Buffer.from('A=1\nB=2\n'), { mode: 0o640, owner: 'root:root' });
      expect(exec).toHaveBeenCalledTimes(1);
    } finally {
      exec.mockRestore();
    }
    const stat = await t.exec(['sh', '-c', 'stat -c "%a %U %s" "$1"; cat "$1"', 'sh', path]);
    expect(stat.stdout).toBe('640 root 8\nA=1\nB=2\n');
    await expect(t.writeFile(`${opts.scratchDir()}/no-such-dir/x.env`, 'A=1\n')).rejects.toThrow(
      /no-such-dir/,
    );
    const listing = await t.exec(['ls', '-a', opts.scratchDir()]);
    expect(listing.stdout).not.toContain('.tmp');
  });

  it('leaves the target untouched when the upload breaks', async () => {
    const path = `${opts.scratchDir()}/kept.txt`;
    await transport().writeFile(path, 'original');
    const broken = new Readable({
      read() {
        this.push(Buffer.alloc(1000, 1));
        this.destroy(new Error('source broke mid-upload'));
      },
    });
    await expect(transport().writeFile(path, broken)).rejects.toThrow(
      /the input for command .* failed \(source broke mid-upload\)/,
    );
    const after = await transport().exec([
      'sh',
      '-c',
      'cat "$1"; echo; ls -a "$(dirname "$1")"',
      'sh',
      path,
    ]);
    expect(after.stdout.split('\n')[0]).toBe('original');
    expect(after.stdout).not.toContain('.tmp');
  });

  it('fails readFile of a missing file as an error on the stream', async () => {
    const read = async () => {
      for await (const _ of transport().readFile(`${opts.scratchDir()}/missing`)) {
        // drain
      }
    };
    await expect(read()).rejects.toBeInstanceOf(CommandFailedError);
  });

  it('answers ping', async () => {
    await expect(transport().ping({ timeoutMs: 10_000 })).resolves.toBeUndefined();
  });
}
