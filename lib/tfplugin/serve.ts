/**
 * The one entry point a provider's main calls, e.g. `serve(createProvider)`.
 *
 * Passing a function defers building the definition (and loading whatever it imports) until
 * Terraform's first RPC, after the handshake, which keeps provider start-up fast. The plugin
 * server itself is loaded here rather than at the top, so that importing the kit's public entry
 * (for its schema helpers or the handshake) does not load gRPC.
 */
import type { ProviderDefinition } from './schema';

export function serve(definition: ProviderDefinition | (() => ProviderDefinition)): void {
  const { pluginLog, startPluginServer }: typeof import('./protocol/plugin-server') = require('./protocol/plugin-server');
  // A stray rejection or exception in resource code must not take the provider down mid-apply.
  process.on('unhandledRejection', (reason) => pluginLog.error(`provider: unhandled rejection: ${reason instanceof Error ? reason.message : String(reason)}`));
  process.on('uncaughtException', (error: NodeJS.ErrnoException) => {
    // A broken pipe is Terraform gone, not a bug: logging it would only break the pipe again.
    if (error.code === 'EPIPE') process.exit(0);
    pluginLog.error(`provider: uncaught exception: ${error.message}`);
  });
  void startPluginServer(definition);
}
