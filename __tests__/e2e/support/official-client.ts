/**
 * Alibaba's official client (@alicloud/openapi-core) pointed at an emulator, calling OOS actions
 * exactly as the generated OOS SDK does (RPC, form body, JSON answer): the other side of every
 * "works with the official SDK" test, and how tests play a colleague using the console.
 */
import OpenApi, { $OpenApiUtil, OpenApiUtil } from '@alicloud/openapi-core';
import * as $dara from '@darabonba/typescript';
import { DEFAULT_EMULATOR_CREDENTIAL, type RunningEmulator } from '../../../lib/emulator';

export interface OfficialClientOptions {
  /** `v2` for the HMAC-SHA1 signature. @default the SDK's V3 */
  readonly signatureAlgorithm?: string;
  /** @default DEFAULT_EMULATOR_CREDENTIAL */
  readonly credential?: { readonly accessKeyId: string; readonly accessKeySecret: string; readonly securityToken?: string };
}

export function officialClient(emulator: RunningEmulator, options: OfficialClientOptions = {}): OpenApi {
  const credential = options.credential ?? DEFAULT_EMULATOR_CREDENTIAL;
  return new OpenApi(
    new $OpenApiUtil.Config({
      accessKeyId: credential.accessKeyId,
      accessKeySecret: credential.accessKeySecret,
      securityToken: credential.securityToken,
      endpoint: emulator.endpoint,
      protocol: 'HTTP',
      regionId: 'cn-hangzhou',
      signatureAlgorithm: options.signatureAlgorithm,
    }),
  );
}

/** One OOS action in cn-hangzhou; the SDK throws its own error (code, statusCode, data) on an error answer. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the answer is whatever JSON OOS sends
export async function officialCall(api: OpenApi, action: string, query: Record<string, unknown>): Promise<Record<string, any>> {
  const params = new $OpenApiUtil.Params({
    action,
    version: '2019-06-01',
    protocol: 'HTTP',
    pathname: '/',
    method: 'POST',
    authType: 'AK',
    style: 'RPC',
    reqBodyType: 'formData',
    bodyType: 'json',
  });
  const request = new $OpenApiUtil.OpenApiRequest({ query: OpenApiUtil.query({ RegionId: 'cn-hangzhou', ...query }) });
  const response = await api.callApi(params, request, new $dara.RuntimeOptions({ autoretry: false }));
  return response.body as Record<string, unknown>;
}
