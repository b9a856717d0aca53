import { expect } from 'vitest';
import { exitCodeOf, InputError } from '../../src/errors.js';

/** The message of the refusal `work` rejects with: an InputError, exit 2; fails the test otherwise. */
export async function refusal(work: Promise<unknown>): Promise<string> {
  const err = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InputError);
  expect(exitCodeOf(err)).toBe(2);
  return (err as Error).message;
}
