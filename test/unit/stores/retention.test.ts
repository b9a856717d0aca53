import { describe, expect, it } from 'vitest';
import { planRetention, type RetentionCandidate } from '../../../src/stores/retention.js';
import { formatSetName, parseSetName } from '../../../src/stores/set-name.js';

const ours = (name: string, verified = true): RetentionCandidate => ({
  name,
  ours: true,
  verified,
});

describe('set names', () => {
  it.each([
    ['prod-20261122T013000Z', { cluster: 'prod', created: '2026-11-22T01:30:00.000Z' }],
    [
      'my.cluster-1-20260101T000000Z',
      { cluster: 'my.cluster-1', created: '2026-01-01T00:00:00.000Z' },
    ],
    ['prod-20261322T013000Z', null],
    ['prod-20261122T013000', null],
    ['Prod-20261122T013000Z', null],
    ['prod-20261122T013000Z-copy', null],
    ['notes', null],
  ])('%s parses as %j', (name, expected) => {
    const p = parseSetName(name);
    expect(p ? { cluster: p.cluster, created: p.created.toISOString() } : null).toEqual(expected);
  });

  it('format and parse agree', () => {
    const at = new Date('2026-11-22T01:02:03.456Z');
    expect(formatSetName('prod', at)).toBe('prod-20261122T010203Z');
    expect(() => formatSetName('Prod_1', at)).toThrow(/--cluster-name 'Prod_1'/);
  });
});

describe('planRetention', () => {
  const hourly = [
    'c-20261122T000000Z',
    'c-20261122T003000Z',
    'c-20261122T010000Z',
    'c-20261122T013000Z',
    'c-20261122T020000Z',
  ];

  it.each([
    ['keep 2', { keep: 2 }, ['c-20261122T000000Z', 'c-20261122T003000Z', 'c-20261122T010000Z']],
    ['keep 10 keeps all', { keep: 10 }, []],
    [
      'hourly 2: newest of the last two hours',
      { keepHourly: 2 },
      ['c-20261122T000000Z', 'c-20261122T003000Z', 'c-20261122T010000Z'],
    ],
    ['hourly 3', { keepHourly: 3 }, ['c-20261122T000000Z', 'c-20261122T010000Z']],
    ['keep 1 + hourly 3', { keep: 1, keepHourly: 3 }, ['c-20261122T000000Z', 'c-20261122T010000Z']],
    ['no policy removes nothing', {}, []],
  ])('%s', (_what, policy, removed) => {
    const d = planRetention(
      hourly.map((n) => ours(n)),
      policy,
      'c',
    );
    expect(d.remove).toEqual(removed);
    expect(d.keep.length + d.remove.length).toBe(hourly.length);
  });

  it('daily and weekly pick the newest set of each day and ISO week', () => {
    const names = [
      'c-20261102T230000Z', // Mon, week 45
      'c-20261108T100000Z', // Sun, week 45
      'c-20261109T080000Z', // Mon, week 46
      'c-20261116T080000Z', // Mon, week 47
      'c-20261116T200000Z',
      'c-20261117T080000Z',
    ];
    const d = planRetention(
      names.map((n) => ours(n)),
      { keepDaily: 2, keepWeekly: 3 },
      'c',
    );
    expect(d.keep.map((k) => k.name)).toEqual([
      'c-20261117T080000Z',
      'c-20261116T200000Z',
      'c-20261109T080000Z',
      'c-20261108T100000Z',
    ]);
    expect(d.remove).toEqual(['c-20261102T230000Z', 'c-20261116T080000Z']);
  });

  it('never removes the newest verified set, even when newer unverified ones fill the quota', () => {
    const d = planRetention(
      [
        ours('c-20261122T000000Z'),
        ours('c-20261122T010000Z'),
        ours('c-20261122T020000Z', false),
        ours('c-20261122T030000Z', false),
      ],
      { keep: 2 },
      'c',
    );
    expect(d.remove).toEqual(['c-20261122T000000Z']);
    expect(d.keep.find((k) => k.name === 'c-20261122T010000Z')?.reasons).toEqual([
      'newest verified',
    ]);
  });

  it('never touches sets it did not write: other names, other clusters, no manifest', () => {
    const d = planRetention(
      [
        ours('c-20261122T000000Z'),
        ours('c-20261122T010000Z'),
        ours('other-20261121T000000Z'),
        { name: 'c-20261120T000000Z', ours: false, verified: false },
        ours('c-manual-copy'),
      ],
      { keep: 1 },
      'c',
    );
    expect(d.remove).toEqual(['c-20261122T000000Z']);
    expect(d.untouched.sort()).toEqual([
      'c-20261120T000000Z',
      'c-manual-copy',
      'other-20261121T000000Z',
    ]);
  });
});
