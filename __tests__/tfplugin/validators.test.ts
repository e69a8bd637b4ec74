/** The validator library: each names the attribute path and skips what is not known yet. */
import {
  AttributeValidator,
  BlockSchema,
  conflictsWith,
  duration,
  fromProblem,
  lengthBetween,
  mapLimits,
  matchesPattern,
  ObjectValue,
  oneOf,
  parseDuration,
  requiredWith,
  UNKNOWN,
  validateBlock,
} from '../../lib/tfplugin';

function run(validator: AttributeValidator, value: ObjectValue[string], config: ObjectValue = {}) {
  return validator.validate(value, { attribute: 'field', path: [{ attribute: 'field' }], config }).map((d) => ({ at: d.attribute, detail: d.detail }));
}

test('lengthBetween, matchesPattern and oneOf report at the attribute and say what is allowed', () => {
  expect(run(lengthBetween(1, 3), 'abcd')).toEqual([{ at: [{ attribute: 'field' }], detail: 'field must be 1 to 3 characters long, got 4.' }]);
  expect(run(matchesPattern(/^rg-/, 'starts with `rg-`.'), 'x')[0].detail).toMatch(/starts with `rg-`/);
  expect(run(oneOf('A', 'B'), 'C')[0].detail).toMatch(/use one of "A", "B"/);
  expect(run(oneOf('A', 'B'), 'A')).toEqual([]);
});

test('an unknown or null value is not judged', () => {
  expect(run(lengthBetween(1, 3), UNKNOWN)).toEqual([]);
  expect(run(lengthBetween(1, 3), null)).toEqual([]);
});

test('mapLimits names the offending key in the path', () => {
  const limits = mapLimits({ maxEntries: 1, maxKeyLength: 3, forbiddenKeyPrefixes: ['acs:'] });
  expect(run(limits, { 'ACS:x': 'v', ok: 'v' })).toEqual([
    { at: [{ attribute: 'field' }], detail: expect.stringMatching(/2 entries given; at most 1/) },
    { at: [{ attribute: 'field' }, { key: 'ACS:x' }], detail: expect.stringMatching(/1 to 3 characters/) },
    { at: [{ attribute: 'field' }, { key: 'ACS:x' }], detail: expect.stringMatching(/reserved prefix "acs:"/) },
  ]);
  expect(run(limits, { a: UNKNOWN, b: 'v' })).toEqual([]);
});

test('conflictsWith and requiredWith look at the other attribute', () => {
  expect(run(conflictsWith('other'), 'x', { other: 'y' })).toHaveLength(1);
  expect(run(conflictsWith('other'), 'x', { other: UNKNOWN })).toEqual([]);
  expect(run(requiredWith('other'), null, { other: UNKNOWN })).toHaveLength(1);
  expect(run(requiredWith('other'), 1, { other: 'y' })).toEqual([]);
});

test('fromProblem wraps a domain rule and keeps its sentence', () => {
  const validator = fromProblem('Lower case.', (value) => (value === value.toLowerCase() ? undefined : `"${value}" must be lower case.`));
  expect(validator.description).toBe('Lower case.');
  expect(run(validator, 'X')).toEqual([{ at: [{ attribute: 'field' }], detail: '"X" must be lower case.' }]);
});

test('duration accepts Go-style durations and names a bad one with examples', () => {
  expect(parseDuration('30s')).toBe(30_000);
  expect(parseDuration('1h30m')).toBe(5_400_000);
  expect(parseDuration('2.5m')).toBe(150_000);
  expect(parseDuration('5')).toBeUndefined();
  expect(parseDuration('0s')).toBeUndefined();
  expect(run(duration(), '10 minutes')[0].detail).toMatch(/"10 minutes" is not a duration: use .* 30s, 5m or 1h30m/);
});

test('validateBlock also runs the validators of nested blocks, with the block in the path', () => {
  const block: BlockSchema = {
    attributes: {},
    blocks: {
      timeouts: { nesting: 'single', block: { attributes: { create: { type: 'string', optional: true, description: 'd', validators: [duration()] } } } },
    },
  };
  expect(validateBlock(block, { timeouts: { create: 'soon' } }).map((d) => d.attribute)).toEqual([[{ attribute: 'timeouts' }, { attribute: 'create' }]]);
  expect(validateBlock(block, { timeouts: null })).toEqual([]);
});
