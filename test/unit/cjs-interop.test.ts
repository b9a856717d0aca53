import { describe, expect, it } from 'vitest';
import { namedExports } from '../../src/cjs-interop.js';

describe('namedExports', () => {
  it("takes a bundled chunk's only export, default, as the module", () => {
    class GenericContainer {}
    const chunk = { default: { GenericContainer } };
    expect(namedExports(chunk as unknown as { GenericContainer: unknown }).GenericContainer).toBe(
      GenericContainer,
    );
  });

  it("keeps Node's own namespace of a CommonJS package, which has the names beside default", async () => {
    const m = await import('etcd3');
    expect(namedExports(m).Etcd3).toBe(m.Etcd3);
    expect(typeof namedExports(m).Etcd3).toBe('function');
  });

  it('keeps an ES module whose default is a function or a primitive', () => {
    const fn = () => 1;
    const m = { default: fn };
    expect(namedExports(m)).toBe(m);
  });
});
