import { describe, expect, it } from 'vitest';
import { contentHash, validateAssessment, validateBundle, validateCriteriaSet, migrateForward } from '../src/index.js';
import { assess, binary, element, graded, makeSet, oneSection } from './helpers.js';

const problems = (data: unknown) => {
  const r = validateCriteriaSet(data);
  return r.ok ? [] : r.errors.map((e) => `${e.code} ${e.pointer}`);
};

describe('criteria set validation: what JSON Schema catches', () => {
  it('names a typo in a field by its place', () => {
    const set = oneSection([{ id: 'c', items: [binary('x', 1)] }]) as unknown as Record<string, unknown>;
    const s = JSON.parse(JSON.stringify(set));
    s.sections[0].criteria[0].items[0].knockuot = true;
    const r = validateCriteriaSet(s);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[0]).toMatchObject({
        code: 'schema.additional',
        pointer: '/sections/0/criteria/0/items/0/knockuot',
      });
      expect(r.errors[0]!.message.vi).toContain('knockuot');
    }
  });
  it('names an unknown response kind', () => {
    const s = JSON.parse(JSON.stringify(oneSection([{ id: 'c', items: [binary('x', 1)] }])));
    s.sections[0].criteria[0].items[0].response.kind = 'pointz';
    expect(problems(s)).toEqual(['schema.kind /sections/0/criteria/0/items/0/response/kind']);
    const r = validateCriteriaSet(s);
    expect(r.ok ? '' : r.errors[0]!.message.en).toBe(
      'Unknown kind "pointz"; allowed: "binary", "graded", "choice", "numeric", "count"',
    );
    s.sections[0].criteria[0].items[0].response.kind = 'a\nb';
    const r2 = validateCriteriaSet(s);
    expect(r2.ok ? '' : r2.errors[0]!.message.en).toContain('Unknown kind "a\\nb"'); // quoted: no raw newline
  });
  it('refuses a missing Vietnamese title and a wrong type', () => {
    const s = JSON.parse(JSON.stringify(oneSection([{ id: 'c', items: [binary('x', 1)] }])));
    s.title = { en: 'Only English' };
    s.sections[0].criteria[0].items[0].response.points = '2';
    expect(problems(s)).toEqual([
      'schema.required /title',
      'schema.type /sections/0/criteria/0/items/0/response/points',
    ]);
    const r = validateCriteriaSet(s);
    expect(r.ok ? undefined : r.errors[0]!.params).toEqual({ field: 'vi' });
  });
  it('refuses ids that could collide with object prototypes', () => {
    expect(problems(oneSection([{ id: 'c', items: [binary('__proto__', 1)] }]))).toEqual([
      'schema.pattern /sections/0/criteria/0/items/0/id',
    ]);
  });
  it('refuses a document written by a newer release', () => {
    const s = { ...oneSection([{ id: 'c', items: [binary('x', 1)] }]), schemaVersion: 2 };
    expect(problems(s)).toEqual(['schema.version-newer /schemaVersion']);
  });
  it('refuses something that is not an object', () => {
    expect(problems([1, 2])).toEqual(['schema.not-object ']);
    expect(problems(null)).toEqual(['schema.not-object ']);
  });
});

describe('criteria set validation: what JSON Schema cannot catch', () => {
  it('finds duplicate ids across the set', () => {
    expect(
      problems(
        makeSet([
          {
            id: 's',
            criteria: [
              { id: 'c', items: [binary('x', 1)] },
              { id: 'd', items: [binary('x', 1)] },
            ],
          },
        ]),
      ),
    ).toEqual(['set.duplicate-id /sections/0/criteria/1/items/0/id']);
  });
  it('checks that items add up to the stated maxima of criterion, section and set', () => {
    const s = makeSet([{ id: 's', criteria: [{ id: 'c', items: [binary('x', 1), binary('y', 2)] }] }], {
      maxPoints: 4,
    });
    s.sections[0]!.criteria[0]!.maxPoints = 3;
    s.sections[0]!.maxPoints = 5;
    const r = validateCriteriaSet(s);
    expect(r.ok ? [] : r.errors.map((e) => [e.pointer, e.message.en])).toEqual([
      ['/sections/0/maxPoints', 'Stated maximum is 5 but the items add up to 3'],
      ['/scoring/maxPoints', 'Stated maximum is 4 but the items add up to 3'],
    ]);
  });
  it('needs points on a points-scored binary item and partial points below full points', () => {
    const s = oneSection([
      { id: 'c', items: [{ ...binary('x', 1), response: { kind: 'binary' } }, graded('g', 1, 1)] },
    ]);
    expect(problems(s)).toEqual([
      'set.points-missing /sections/0/criteria/0/items/0/response',
      'set.partial-too-high /sections/0/criteria/0/items/1/response/partialPoints',
    ]);
  });
  it('refuses numbers it could not read exactly', () => {
    expect(problems(oneSection([{ id: 'c', items: [binary('x', 0.12345)] }]))).toEqual([
      'set.decimals /sections/0/criteria/0/items/0/response/points',
    ]);
  });
  it('wants rating bands that start at zero and increase, so there are no gaps or overlaps', () => {
    const s = oneSection([{ id: 'c', items: [binary('x', 10)] }], {
      rating: {
        metric: 'points',
        bands: [
          { id: 'a', label: { vi: 'A' }, min: 1 },
          { id: 'b', label: { vi: 'B' }, min: 1 },
          { id: 'c', label: { vi: 'C' }, min: 11 },
        ],
      },
    });
    expect(problems(s)).toEqual([
      'set.bands-start /scoring/rating/bands/0/min',
      'set.bands-order /scoring/rating/bands/1/min',
      'set.bands-beyond /scoring/rating/bands/2/min',
    ]);
  });
  it('wants numeric bands in increasing order covering the allowed range', () => {
    const s = oneSection([
      {
        id: 'c',
        items: [
          {
            id: 'n',
            text: { vi: 'n' },
            provenance: {},
            response: {
              kind: 'numeric',
              min: -5,
              bands: [
                { min: 0, points: 0 },
                { min: 0, points: 1 },
              ],
            },
          },
        ],
      },
    ]);
    expect(problems(s)).toEqual([
      'set.bands-order /sections/0/criteria/0/items/0/response/bands/1/min',
      'set.bands-start /sections/0/criteria/0/items/0/response/bands/0/min',
    ]);
  });
  it('checks that rules refer to existing criteria, zones the set knows, and fit the model', () => {
    const s = oneSection([{ id: 'c', items: [binary('x', 1)] }], {
      passRules: [
        { kind: 'criterion-percent-at-least', criterion: 'nope', percent: 50 },
        { kind: 'mean-level-at-least', level: 3 },
      ],
    });
    s.applicability.zones = ['1'];
    s.scoring.passRules!.push({ kind: 'total-percent-at-least', percent: 80, byZone: { '3': 70 } });
    expect(problems(s)).toEqual([
      'set.rule-unknown-criterion /scoring/passRules/0/criterion',
      'set.rule-model /scoring/passRules/1/kind',
      'set.zone-unknown /scoring/passRules/2/byZone/3',
    ]);
  });
  it('needs levels on every element of a levels-model set, and met / not met answers', () => {
    const s = oneSection(
      [{ id: 'c', items: [element('e1', 1), { ...element('e2', 6) }, graded('g', 2, 1, { level: 2 })] }],
      { model: 'levels', levels: 5 },
    );
    expect(problems(s)).toEqual([
      'set.level-missing /sections/0/criteria/0/items/1/level',
      'set.levels-binary-only /sections/0/criteria/0/items/2/response/kind',
      'set.level-empty /sections/0/criteria/0/items',
    ]);
  });
});

describe('assessment validation', () => {
  const set = oneSection([{ id: 'c', items: [binary('x', 1)] }]);
  it('accepts a well-formed assessment for its set', () => {
    expect(validateAssessment(assess(set, { x: 'met' }), set).ok).toBe(true);
  });
  it('names wrong value types and unknown items', () => {
    const r = validateAssessment(assess(set, { x: 3, y: 'met' }), set);
    expect(r.ok ? [] : r.errors.map((e) => e.code)).toEqual(['answer.bad-value', 'answer.unknown-item']);
  });
  it('refuses an item id that is not a valid id', () => {
    const a = assess(set, {});
    a.answers = { 'bad id': { value: 'met' } };
    const r = validateAssessment(a);
    expect(r.ok ? [] : r.errors.map((e) => e.pointer)).toEqual(['/answers/bad id']);
  });
  it('notices that the set content changed since the assessment pinned its hash', () => {
    const a = assess(set, { x: 'met' });
    a.criteriaSet.contentHash = '0'.repeat(64);
    const r = validateAssessment(a, set);
    expect(r.ok ? '' : r.errors[0]!.code).toBe('answer.hash-mismatch');
  });
  it("compares the pin with the set's content, not with a `contentHash` field the set claims", () => {
    const a = assess(set, { x: 'met' });
    a.criteriaSet.contentHash = 'b'.repeat(64);
    const claims = { ...set, contentHash: 'b'.repeat(64) }; // same content, a field that matches the pin
    const r = validateAssessment(a, claims);
    expect(r.ok ? '' : r.errors[0]!.code).toBe('answer.hash-mismatch');
    a.criteriaSet.contentHash = contentHash(set);
    expect(validateAssessment(a, { ...set, contentHash: 'c'.repeat(64) }).ok).toBe(true);
  });
});

describe('bundles', () => {
  it('validates the sets inside a bundle beyond the schema', () => {
    const bad = oneSection([{ id: 'c', items: [binary('x', 1), binary('x', 1)] }]);
    const r = validateBundle({
      schemaVersion: 1,
      kind: 'bundle',
      createdAt: '2026-01-01T00:00:00Z',
      assessments: [],
      criteriaSets: [bad],
    });
    expect(r.ok ? [] : r.errors.map((e) => e.pointer)).toEqual(['/criteriaSets/0/sections/0/criteria/0/items/1/id']);
  });
  it('refuses a photo whose data is not base64', () => {
    const r = validateBundle({
      schemaVersion: 1,
      kind: 'bundle',
      createdAt: '2026-01-01T00:00:00Z',
      assessments: [],
      photos: [{ hash: 'a'.repeat(64), mime: 'image/jpeg', dataBase64: '<script>' }],
    });
    expect(r.ok ? '' : r.errors[0]!.pointer).toBe('/photos/0/dataBase64');
  });
});

describe('migrations', () => {
  it('brings an old document forward through each migration in order', () => {
    // A made-up version 1 -> 2 -> 3 history, to exercise the mechanism on a stored old shape.
    const old = { schemaVersion: 1, kind: 'assessment', answers: { x: 'met' } };
    const migrations = [
      {
        from: 1,
        up: (d: Record<string, unknown>) => ({
          ...d,
          answers: Object.fromEntries(
            Object.entries(d.answers as Record<string, string>).map(([k, v]) => [k, { value: v }]),
          ),
        }),
      },
      { from: 2, up: (d: Record<string, unknown>) => ({ ...d, migrated: true }) },
    ];
    const r = migrateForward(old, migrations, 3);
    expect(r.ok && r.value).toEqual({
      schemaVersion: 3,
      kind: 'assessment',
      answers: { x: { value: 'met' } },
      migrated: true,
    });
    expect(old.answers.x).toBe('met');
  });
  it('refuses a document from a newer release', () => {
    const r = migrateForward({ schemaVersion: 9 }, [], 1);
    expect(r.ok ? '' : r.errors[0]!.code).toBe('schema.version-newer');
  });
});
