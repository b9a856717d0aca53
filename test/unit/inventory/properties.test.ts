import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KubeRescueError } from '../../../src/errors.js';
import {
  parseInventory,
  parseInventoryDocument,
  recoveryRewrite,
  writeInventoryDocument,
} from '../../../src/inventory/index.js';
import { formats, model, style } from './generated-inventories.js';

describe.each(formats)('$format inventories, generated', ({ source, render }) => {
  it('write(parse(text)) gives back the same bytes', () => {
    fc.assert(
      fc.property(model, style, (m, s) => {
        const text = render(m, s);
        expect(writeInventoryDocument(parseInventoryDocument(text, source))).toBe(text);
      }),
      { numRuns: 100 },
    );
  });

  it('parses to what was generated: hosts, vars, groups, member names', () => {
    fc.assert(
      fc.property(model, style, (m, s) => {
        const inv = parseInventory(render(m, s), source);
        expect([...inv.hosts.keys()]).toEqual(m.hosts);
        for (const h of m.hosts) expect(inv.hosts.get(h)!.vars).toEqual(m.vars[h]);
        expect(inv.controlPlane()).toEqual(m.controlPlane);
        expect(inv.groups.get('kube_node')).toEqual(m.workers);
        expect(inv.etcdMembers().map((e) => e.host)).toEqual(m.etcd);
        expect(inv.etcdMembers().map((e) => e.memberName)).toEqual(
          m.etcd.map((_, i) => `etcd${i + 1}`),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('the recovery rewrite keeps member names, puts a healthy host first, copies the broken ones, and is idempotent', () => {
    const request = model.chain((m) =>
      fc.record({
        m: fc.constant(m),
        s: style,
        brokenEtcd: fc.shuffledSubarray(m.etcd, { maxLength: m.etcd.length - 1 }),
        brokenCp: fc.shuffledSubarray(m.controlPlane),
      }),
    );
    fc.assert(
      fc.property(request, ({ m, s, brokenEtcd, brokenCp }) => {
        const text = render(m, s);
        const before = parseInventory(text, source);
        const opts = { brokenEtcd, brokenControlPlane: brokenCp };
        const out = recoveryRewrite(before, opts);
        const after = parseInventory(out, source);
        const names = (inv: typeof after) =>
          new Map(inv.etcdMembers().map((e) => [e.host, e.memberName]));
        expect(names(after)).toEqual(names(before));
        expect(brokenEtcd).not.toContain(after.etcdMembers()[0].host);
        const healthyCp = m.controlPlane.filter((h) => !brokenCp.includes(h));
        if (healthyCp.length > 0) expect(healthyCp).toContain(after.controlPlane()[0]);
        expect(after.brokenEtcd()).toEqual(m.etcd.filter((h) => brokenEtcd.includes(h)));
        for (const h of after.brokenEtcd()) {
          expect(after.hosts.get(h)!.vars.etcd_member_name).toBe(names(before).get(h));
        }
        expect(after.brokenControlPlane()).toEqual(
          m.controlPlane.filter((h) => brokenCp.includes(h)),
        );
        expect(after.groups.get('kube_node')).toEqual(m.workers);
        for (const h of m.hosts) {
          const { etcd_member_name: _, ...rest } = after.hosts.get(h)!.vars;
          expect(rest).toEqual(m.vars[h]);
        }
        // Comments and untouched lines survive.
        for (const line of text.split(/\r?\n/))
          if (line.startsWith('#')) expect(out).toContain(line);
        expect(recoveryRewrite(out, { ...opts, source })).toBe(out);
      }),
      { numRuns: 60 },
    );
  });
});

describe('no input crashes the parser with anything but a typed error', () => {
  const typedOrNothing = (work: () => unknown) => {
    try {
      work();
    } catch (err) {
      if (!(err instanceof KubeRescueError)) throw err;
    }
  };
  const noise = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc
      .array(
        fc.constantFrom(
          '[',
          ']',
          ':',
          '=',
          '"',
          "'",
          '#',
          ';',
          '\\',
          '\n',
          ' ',
          '-',
          '{',
          '}',
          'all',
          'etcd',
          'hosts',
          'children',
          'vars',
          'n1',
          '[1:3]',
          'x=1',
          '  ',
        ),
        { maxLength: 40 },
      )
      .map((parts) => parts.join('')),
  );

  it.each(['ini', 'yaml'] as const)('%s: arbitrary text parses or throws InputError', (format) => {
    fc.assert(
      fc.property(noise, (text) => {
        typedOrNothing(() => parseInventory(text, `fuzz.${format}`, format).etcdMembers());
        typedOrNothing(() =>
          recoveryRewrite(text, {
            source: 'fuzz',
            format,
            brokenEtcd: ['n1'],
            brokenControlPlane: [],
          }),
        );
      }),
      { numRuns: 300 },
    );
  });

  it.each(formats)(
    '$format: valid inventories with one character changed parse or throw InputError',
    ({ source, render }) => {
      const mutated = fc
        .tuple(
          model,
          style,
          fc.nat(),
          fc.constantFrom('[', ']', ':', '=', '"', '#', '\n', ' ', '{', '-'),
        )
        .map(([m, s, at, c]) => {
          const text = render(m, s);
          const i = text.length === 0 ? 0 : at % text.length;
          return text.slice(0, i) + c + text.slice(i + 1);
        });
      fc.assert(
        fc.property(mutated, (text) => {
          typedOrNothing(() => parseInventory(text, source).etcdMembers());
        }),
        { numRuns: 150 },
      );
    },
  );
});
