/** Names of the SEA assets the release build stores and the executable's entry reads. */
export const BUNDLE_ASSET = 'provider.js';
/** SHA-256 (hex, shortened) of the bundle: names the machine's code cache for it. */
export const BUNDLE_KEY_ASSET = 'provider.key';
