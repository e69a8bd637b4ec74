import { isAlreadyExists, isNotFound, OosApiError, OosNetworkError, OosTimeoutError } from '../../lib/oos/errors';

function apiError(code: string, httpStatus = 400): OosApiError {
  return new OosApiError({ action: 'GetChatConfiguration', code, serverMessage: 'The thing is gone.', httpStatus, requestId: 'ABC' });
}

describe('OOS errors', () => {
  test('the message names the action, code, HTTP status, server message and RequestId', () => {
    expect(apiError('EntityNotExists.ChatConfiguration', 404).message).toBe(
      'OOS GetChatConfiguration failed: EntityNotExists.ChatConfiguration (HTTP 404): The thing is gone. [RequestId: ABC]',
    );
  });

  test('isNotFound matches EntityNotExists codes only', () => {
    expect(isNotFound(apiError('EntityNotExists.ChatConfiguration', 404))).toBe(true);
    expect(isNotFound(apiError('EntityNotExists.Parameter', 404))).toBe(true);
    expect(isNotFound(apiError('EntityNotExistsX', 404))).toBe(false);
    expect(isNotFound(apiError('InvalidParameter'))).toBe(false);
    expect(isNotFound(new Error('EntityNotExists.ChatConfiguration'))).toBe(false);
  });

  test('isAlreadyExists matches EntityAlreadyExists codes only', () => {
    expect(isAlreadyExists(apiError('EntityAlreadyExists.ChatConfiguration', 409))).toBe(true);
    expect(isAlreadyExists(apiError('EntityNotExists.ChatConfiguration', 404))).toBe(false);
  });

  test('a timeout is a network error that says how long it waited', () => {
    const err = new OosTimeoutError('ListChatConfigurations', 2500);
    expect(err).toBeInstanceOf(OosNetworkError);
    expect(err.message).toMatch(/ListChatConfigurations failed: network error timeout \(no answer within 2500 ms/);
  });

  test('a timeout names the request timeout setting only when the caller has one', () => {
    expect(new OosTimeoutError('A', 2500, 1, 'requestTimeoutMs').message).toContain('raise requestTimeoutMs or check the endpoint');
    expect(new OosTimeoutError('A', 2500, 1).message).toContain('2500 ms; check the endpoint');
    expect(new OosTimeoutError('A', 2500, 1).message).not.toContain('request_timeout');
  });
});
