import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32c, crc32cCombine } from '../../../src/etcd/crc32c.js';

describe('crc32c', () => {
  it('is CRC-32C (Castagnoli): the standard check value', () => {
    expect(crc32c(0, Buffer.from('123456789'))).toBe(0xe3069283);
  });

  it('continues a CRC over a range, and combines two CRCs into that of the joined bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 }), (a, b) => {
        const whole = crc32c(0, Buffer.concat([a, b]));
        expect(crc32c(crc32c(0, a), b)).toBe(whole);
        expect(crc32cCombine(crc32c(0, a), crc32c(0, b), b.length)).toBe(whole);
        const joined = Buffer.concat([a, b]);
        expect(crc32c(crc32c(0, joined, 0, a.length), joined, a.length)).toBe(whole);
      }),
    );
  });
});
