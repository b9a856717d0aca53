/**
 * The little of protobuf's wire format kube-rescue reads itself: varints and length-delimited
 * fields, enough for an mvccpb.KeyValue (in a snapshot file, in a range answer) and an
 * etcdserverpb.RangeResponse (`etcdctl get -w protobuf`).
 */

/** Bytes that end inside a field: the message was cut, not written that way. */
export class TruncatedMessageError extends Error {}

/** Reads a protobuf varint at `pos`; returns [value, next position]. Exact up to 2^53. */
export function varint(b: Buffer, pos: number): [number, number] {
  let v = 0;
  let mul = 1;
  for (let i = pos; i < b.length; i++) {
    const byte = b[i]!;
    v += (byte & 0x7f) * mul;
    if (byte < 0x80) return [v, i + 1];
    mul *= 128;
  }
  throw new TruncatedMessageError('truncated varint');
}

/**
 * Calls `on` for every field of the message in `b`: a varint's value, or a length-delimited
 * field's bytes (a view into `b`). Fixed-width fields are skipped.
 */
export function forEachField(b: Buffer, on: (field: number, value: number | Buffer) => void): void {
  let pos = 0;
  while (pos < b.length) {
    let tag: number;
    [tag, pos] = varint(b, pos);
    const field = Math.floor(tag / 8);
    const wire = tag & 7;
    if (wire === 0) {
      let v: number;
      [v, pos] = varint(b, pos);
      on(field, v);
    } else if (wire === 1 || wire === 5) {
      pos += wire === 1 ? 8 : 4;
      if (pos > b.length) throw new TruncatedMessageError(`field ${field} ends past the message`);
    } else if (wire === 2) {
      let len: number;
      [len, pos] = varint(b, pos);
      if (pos + len > b.length) {
        throw new TruncatedMessageError(`field ${field} ends past the message`);
      }
      on(field, b.subarray(pos, pos + len));
      pos += len;
    } else throw new Error(`unknown protobuf wire type ${wire}`);
  }
}

/** Field 1 (key) and field 5 (value) of an mvccpb.KeyValue. */
export function decodeKeyValue(b: Buffer): { key: Buffer; value: Buffer } {
  let key: Buffer = Buffer.alloc(0);
  let value: Buffer = Buffer.alloc(0);
  forEachField(b, (field, v) => {
    if (typeof v === 'number') return;
    if (field === 1) key = v;
    else if (field === 5) value = v;
  });
  return { key, value };
}
