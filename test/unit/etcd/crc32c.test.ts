import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32c, crc32cCombine } from '../../../src/etcd/crc32c.js';

/** Bit by bit, straight from the definition: what the table-driven code must equal. */
function reference(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
  }
  return ~c >>> 0;
}

describe('crc32c', () => {
  it('is CRC-32C (Castagnoli): the standard check value', () => {
    expect(crc32c(0, Buffer.from('123456789'))).toBe(0xe3069283);
  });

  it('equals the definition at every alignment and length (word loads, byte tails)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 400 }), fc.nat(7), (data, shift) => {
        const backing = Buffer.alloc(data.length + 8);
        const view = backing.subarray(shift, shift + data.length);
        view.set(data);
        expect(crc32c(0, view)).toBe(reference(data));
      }),
    );
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
