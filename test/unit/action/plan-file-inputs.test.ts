import { afterEach, describe, expect, it } from 'vitest';
import { readSettings } from '../../../src/action/inputs.js';

// The real @actions/core reads inputs from INPUT_* variables, as the runner sets them.
const saved = { ...process.env };
function given(values: Record<string, string>): void {
  for (const [k, v] of Object.entries(values)) process.env[`INPUT_${k.toUpperCase()}`] = v;
}
afterEach(() => {
  process.env = { ...saved };
});

describe('action inputs for the approved plan', () => {
  it('restore reads the plan file, the hash it must have and where the journal lives', () => {
    const sha = 'AB'.repeat(32);
    given({
      command: 'restore',
      inventory: 'inventory/hosts.ini',
      'plan-file': '/runner/temp/recovery-plan/kube-rescue-plan.json',
      'plan-sha256': sha,
      journal: 's3://journals/prod',
    });
    const s = readSettings();
    expect(s.planFile).toBe('/runner/temp/recovery-plan/kube-rescue-plan.json');
    expect(s.planSha256).toBe(sha.toLowerCase());
    expect(s.journal).toBe('s3://journals/prod');
  });

  it('a plan-sha256 that is not a sha256 is refused, naming the input and the form', () => {
    given({ command: 'restore', inventory: 'hosts.ini', 'plan-sha256': 'abc123' });
    expect(() => readSettings()).toThrow(
      "Invalid input 'plan-sha256': 'abc123'. Expected a sha256 (64 hex digits).",
    );
  });
});
