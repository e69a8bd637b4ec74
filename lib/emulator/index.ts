/**
 * The local OOS emulator: an HTTP server speaking OOS 2019-06-01's RPC protocol, verifying V3 and
 * V2 signatures, for tests and offline development. See README.md for the behaviour it chooses
 * where the public API is silent.
 */
export { DEFAULT_EMULATOR_CREDENTIAL, type EmulatorCredential, type EmulatorOptions, type FaultSettings, type RunningEmulator } from './options';
export { startEmulator, API_VERSION } from './server';
export {
  SignatureVerifier,
  signV3Request,
  signV2Parameters,
  canonicalizeQuery,
  buildV3CanonicalRequest,
  v3StringToSign,
  v3Signature,
  v2StringToSign,
  v2Signature,
  percentEncode,
  encodeQueryString,
  formatAcsTimestamp,
  type V3SigningInput,
  type SignedV3Request,
  type V2SigningInput,
  type SignedV2Request,
} from './signature-verifier';
export { DEFAULT_EMULATOR_TIMEOUTS, DOCUMENTED_TAG_RESOURCE_TYPES, WECHAT_SETTING_KEYS, type EmulatorProfile, type EmulatorTimeouts } from './options';
