import { describe, expect, it } from 'vitest';
import { cpuS, measureCommand } from '../../../bench/measure-tree.js';
import { describeLoad, LoadError, mark, waitForQuiet } from '../../../bench/quiet.js';

describe('measureCommand', () => {
  it('counts the CPU of grandchildren and the anonymous memory of the whole tree', async () => {
    // bash → sh → node: the work happens two levels down.
    const m = await measureCommand(
      `sh -c '${process.execPath} -e "const b = Buffer.alloc(96 * 1024 * 1024, 1); let x = 0; for (let i = 0; i < 3e7; i++) x += b[i % b.length]; setTimeout(() => {}, 300)"'`,
    );
    expect(cpuS(m)).toBeGreaterThan(0.02);
    expect(m.peakAnonMb).toBeGreaterThan(90);
    expect(m.wallMs).toBeGreaterThan(300);
  });

  it('rejects when the command fails', async () => {
    await expect(measureCommand('exit 3', { name: 'failing' })).rejects.toThrow(/failing exited 3/);
  });
});

describe('waitForQuiet', () => {
  it('refuses a machine that stays busy, saying why', async () => {
    await expect(waitForQuiet({ allowLoad: false, maxWaitMs: 0, load: () => 3.2 })).rejects.toThrow(
      LoadError,
    );
  });

  it('runs anyway with --allow-load, and every figure says it does not qualify', async () => {
    const record = await waitForQuiet({ allowLoad: true, maxWaitMs: 0, load: () => 3.2 });
    expect(record.qualifying).toBe(false);
    expect(mark(record, 'wall 1.00 s')).toContain('NOT QUALIFYING (load 3.2)');
    expect(describeLoad(record)).toContain('NOT QUALIFYING');
  });

  it('qualifies a quiet machine at once', async () => {
    const record = await waitForQuiet({ allowLoad: false, maxWaitMs: 0, load: () => 0.4 });
    expect(record).toEqual({ before: 0.4, qualifying: true });
    expect(mark(record, 'wall 1.00 s')).toBe('wall 1.00 s');
  });
});
