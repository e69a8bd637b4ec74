/** One home for the rules and constants that constructs, provider, OOS client and emulator share. */
export * from './alibaba-cloud';
export * from './chat-configuration';
export * from './provider-address';
export * from './secret-parameter';
