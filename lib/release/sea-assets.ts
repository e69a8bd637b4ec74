/** Names of the SEA assets the release build stores and the executable's entry reads. */
export const BUNDLE_ASSET = 'provider.js';
export const CODE_CACHE_ASSET = 'provider.cache';
