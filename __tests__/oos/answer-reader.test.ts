/**
 * The answer reader infers each field's path from where it is read, so a path is written once
 * and a malformed answer's error names the full path, the action and the RequestId.
 */
import { readAnswer } from '../../lib/oos/answers';
import { OosResponseError } from '../../lib/oos/errors';

function failureOf(read: () => unknown): OosResponseError {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(OosResponseError);
    return error as OosResponseError;
  }
  throw new Error('expected the read to fail');
}

const body = {
  RequestId: 'R-9',
  ChatConfiguration: { Name: 'bot', Version: '3', Tags: { Tag: [{ Key: 'a' }, { Key: 'b' }, { Value: 'c' }] } },
};

test('fields read through nested objects and lists come back as they are', () => {
  const c = readAnswer('GetChatConfiguration', body).object('ChatConfiguration');
  expect(c.string('Name')).toBe('bot');
  expect(c.number('Version')).toBe(3);
  expect(c.list('Tags', 'Tag').map((t) => t.optionalString('Key'))).toEqual(['a', 'b', '']);
});

test('each object knows its path from the top of the answer', () => {
  const answer = readAnswer('GetChatConfiguration', body);
  const c = answer.object('ChatConfiguration');
  expect(answer.path).toBe('');
  expect(c.path).toBe('ChatConfiguration');
  expect(c.list('Tags', 'Tag')[2].path).toBe('ChatConfiguration.Tags[2]');
});

test('a missing field in a list item is named by its full path, with the action and the RequestId', () => {
  const third = readAnswer('GetChatConfiguration', body).object('ChatConfiguration').list('Tags', 'Tag')[2];
  const error = failureOf(() => third.string('Key'));
  expect(error).toMatchObject({ action: 'GetChatConfiguration', field: 'ChatConfiguration.Tags[2].Key', requestId: 'R-9' });
  expect(error.message).toContain('OOS GetChatConfiguration answered without a usable ChatConfiguration.Tags[2].Key');
  expect(error.message).toContain('[RequestId: R-9]');
});

test('a list item that is not an object is named by its index', () => {
  const answer = readAnswer('ListTagResources', { TagResources: [{}, 'x'] });
  expect(failureOf(() => answer.list('TagResources', 'TagResource')).field).toBe('TagResources[1]');
});

test('a missing object at the top is named by its field, and an answer that is not an object reads as empty', () => {
  expect(failureOf(() => readAnswer('GetSecretParameter', { RequestId: 'R' }).object('Parameter')).field).toBe('Parameter');
  expect(failureOf(() => readAnswer('GetSecretParameter', null).object('Parameter'))).toMatchObject({ field: 'Parameter', requestId: '' });
});

test('a wrong type is described without quoting the value', () => {
  const c = readAnswer('GetChatConfiguration', { ChatConfiguration: { Configuration: '{"Secret":7}', Name: 'top-secret' } }).object('ChatConfiguration');
  const error = failureOf(() => c.jsonMap('Configuration'));
  expect(error.field).toBe('ChatConfiguration.Configuration');
  expect(error.problem).toBe('expected string values, but the value of "Secret" is a number');
  expect(failureOf(() => c.number('Name')).message).not.toContain('top-secret');
});
