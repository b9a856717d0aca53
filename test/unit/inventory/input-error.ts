import { expect } from 'vitest';
import { InputError } from '../../../src/errors.js';

/** The message of the InputError `work` throws; fails the test when it throws nothing or something else. */
export function inputErrorOf(work: () => unknown): string {
  try {
    work();
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as Error).message;
  }
  throw new Error('expected an InputError, but the call succeeded');
}
