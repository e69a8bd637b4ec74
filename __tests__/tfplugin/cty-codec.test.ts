import { decode } from '@msgpack/msgpack';
import { testing, BlockSchema, CtyType, CtyValue, fillMissingAttributes, isUnknown, UNKNOWN } from '../../lib/tfplugin';

const { decodeJsonState, decodeJsonValue, decodeMsgpack, encodeMsgpack } = testing;

function roundTrip(value: CtyValue, type: CtyType): CtyValue {
  return decodeMsgpack(encodeMsgpack(value, type), type);
}

describe('cty msgpack codec', () => {
  test('null is msgpack nil', () => {
    expect(encodeMsgpack(null, 'string')).toEqual(Buffer.from([0xc0]));
    expect(roundTrip(null, ['object', { a: 'string' }])).toBeNull();
  });

  test('an unknown is extension type 0 with one zero byte, and decodes back to UNKNOWN', () => {
    expect(encodeMsgpack(UNKNOWN, 'string')).toEqual(Buffer.from([0xd4, 0x00, 0x00]));
    expect(isUnknown(roundTrip(UNKNOWN, 'number'))).toBe(true);
  });

  test('a refined unknown (extension type 12, as Terraform sends it) decodes to UNKNOWN', () => {
    // fixext 1 of type 12 carrying an empty refinement map
    expect(isUnknown(decodeMsgpack(Buffer.from([0xd4, 0x0c, 0x80]), 'string'))).toBe(true);
  });

  test('strings, bools and numbers (integers and floats) survive', () => {
    expect(roundTrip('héllo', 'string')).toBe('héllo');
    expect(roundTrip(true, 'bool')).toBe(true);
    expect(roundTrip(42, 'number')).toBe(42);
    expect(roundTrip(-1.5, 'number')).toBe(-1.5);
    expect(roundTrip(2 ** 53 + 2, 'number')).toBe(2 ** 53 + 2);
  });

  test('a number sent as a string (how cty sends very big numbers) decodes to a number', () => {
    expect(decodeMsgpack(Buffer.from([0xa3, 0x31, 0x65, 0x39]) /* "1e9" */, 'number')).toBe(1e9);
  });

  test('an object carries every attribute of its type, missing ones as nil', () => {
    const type: CtyType = ['object', { a: 'string', b: 'number', c: ['list', 'string'] }];
    const wire = decode(encodeMsgpack({ a: 'x' }, type));
    expect(wire).toEqual({ a: 'x', b: null, c: null });
    expect(roundTrip({ a: 'x' }, type)).toEqual({ a: 'x', b: null, c: null });
  });

  test('nested objects with missing attributes and unknowns inside', () => {
    const type: CtyType = ['object', { outer: ['object', { inner: 'string', count: 'number' }], list: ['list', ['object', { n: 'number' }]] }];
    const decoded = roundTrip({ outer: { count: UNKNOWN }, list: [{ n: 1 }, {}] }, type) as { [key: string]: CtyValue };
    expect(decoded.outer).toEqual({ inner: null, count: UNKNOWN });
    expect(isUnknown((decoded.outer as { count: CtyValue }).count)).toBe(true);
    expect(decoded.list).toEqual([{ n: 1 }, { n: null }]);
  });

  test('maps keep exactly their keys', () => {
    expect(roundTrip({ team: 'chatops', env: 'prod' }, ['map', 'string'])).toEqual({ team: 'chatops', env: 'prod' });
    expect(roundTrip({}, ['map', 'string'])).toEqual({});
  });

  test('lists and sets are msgpack arrays', () => {
    expect(decode(encodeMsgpack(['a', 'b'], ['set', 'string']))).toEqual(['a', 'b']);
    expect(roundTrip([1, 2, 3], ['list', 'number'])).toEqual([1, 2, 3]);
    expect(roundTrip([], ['set', 'string'])).toEqual([]);
  });

  test('a dynamic value travels as [type JSON, value]', () => {
    const bytes = encodeMsgpack({ a: 'x', n: 1 }, 'dynamic');
    const [typeJson, value] = decode(bytes) as [Uint8Array, unknown];
    expect(JSON.parse(Buffer.from(typeJson).toString())).toEqual(['object', { a: 'string', n: 'number' }]);
    expect(value).toEqual({ a: 'x', n: 1 });
    expect(decodeMsgpack(bytes, 'dynamic')).toEqual({ a: 'x', n: 1 });
  });

  test('a value that does not fit its type is refused with its attribute path', () => {
    expect(() => encodeMsgpack({ tags: { a: 1 } } as unknown as CtyValue, ['object', { tags: ['map', 'string'] }])).toThrow(
      'tags["a"]: expected a string, got number',
    );
  });
});

describe('cty JSON', () => {
  test('a JSON DynamicValue decodes with its type', () => {
    expect(decodeJsonValue('{"a":"x","n":"7"}', ['object', { a: 'string', n: 'number', m: 'bool' }])).toEqual({ a: 'x', n: 7, m: null });
  });

  test('a stored state (raw_state.json) parses to a plain object', () => {
    expect(decodeJsonState(Buffer.from('{"id":"x","tags":{"a":"b"}}'))).toEqual({ id: 'x', tags: { a: 'b' } });
    expect(() => decodeJsonState('[1]')).toThrow('not a JSON object');
  });
});

describe('fillMissingAttributes', () => {
  const block: BlockSchema = {
    attributes: { id: { type: 'string', description: '' }, name: { type: 'string', description: '' } },
    blocks: {
      rule: { nesting: 'list', block: { attributes: { n: { type: 'number', description: '' }, m: { type: 'string', description: '' } } } },
      single: { nesting: 'single', block: { attributes: { x: { type: 'string', description: '' } } } },
    },
  };

  test('adds null attributes, empty lists for absent list blocks and null for an absent single block', () => {
    expect(fillMissingAttributes(block, { id: 'a' })).toEqual({ id: 'a', name: null, rule: [], single: null });
  });

  test('fills inside nested blocks too', () => {
    expect(fillMissingAttributes(block, { rule: [{ n: 1 }], single: {} })).toEqual({ id: null, name: null, rule: [{ n: 1, m: null }], single: { x: null } });
  });
});
