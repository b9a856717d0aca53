import { describe, expect, it } from 'vitest';
import {
  encodeFields,
  fieldsOf,
  headerRevision,
  MessageReader,
} from '../../../src/etcd/grpc-wire.js';

/** gRPC's framing of one message: uncompressed flag, big-endian length, the bytes. */
function framed(body: Buffer): Buffer {
  const prefix = Buffer.alloc(5);
  prefix.writeUInt32BE(body.length, 1);
  return Buffer.concat([prefix, body]);
}

describe('MessageReader', () => {
  const bodies = [Buffer.alloc(0), Buffer.from('a'), Buffer.alloc(20_000, 7), Buffer.from('tail')];
  const wire = Buffer.concat(bodies.map(framed));

  it('gives every message whole, however the data is cut (also inside a prefix)', () => {
    for (const size of [1, 2, 3, 5, 6, 4096, 16_384, 20_005, wire.length]) {
      const reader = new MessageReader('http://127.0.0.1:2379', 'Test');
      const got: Buffer[] = [];
      for (let at = 0; at < wire.length; at += size) {
        for (const m of reader.push(wire.subarray(at, at + size))) got.push(Buffer.from(m));
      }
      reader.end();
      expect(got).toEqual(bodies);
    }
  });

  it('refuses data that ends inside a message, and compressed messages', () => {
    const reader = new MessageReader('http://127.0.0.1:2379', 'Test');
    [...reader.push(wire.subarray(0, 20))];
    expect(() => reader.end()).toThrow(/ended inside a message/);
    const compressed = framed(Buffer.from('x'));
    compressed[0] = 1;
    expect(() => [...new MessageReader('e', 'Test').push(compressed)]).toThrow(/compressed/);
  });
});

describe('protobuf fields', () => {
  it('decodes what it encodes, varints beyond 32 bits included', () => {
    const fields = [
      { no: 1, bytes: Buffer.from([0]) },
      { no: 4, varint: 2 ** 40 + 3 },
      { no: 9, varint: 1 },
    ];
    expect([...fieldsOf(encodeFields(fields))]).toEqual(fields);
  });

  it('reads a negative int64 (compact_revision -1) as etcd sends it: ten bytes', () => {
    const minusOne = Buffer.from([
      0x18, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01,
    ]);
    expect([...fieldsOf(minusOne)]).toEqual([{ no: 3, varint: -1 }]);
  });

  it('finds header.revision, skipping fixed-size fields', () => {
    const header = encodeFields([
      { no: 1, varint: 99 },
      { no: 3, varint: 12_345 },
    ]);
    const fixed64 = Buffer.from([0x29, 1, 2, 3, 4, 5, 6, 7, 8]); // field 5, wire type 1
    const answer = Buffer.concat([fixed64, encodeFields([{ no: 1, bytes: header }])]);
    expect(headerRevision(answer)).toBe(12_345);
  });

  it('refuses a truncated field', () => {
    expect(() => [...fieldsOf(Buffer.from([0x1a, 0x05, 1]))]).toThrow(/truncated/);
  });
});
