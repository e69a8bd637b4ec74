/**
 * `emulator_only = true`: the provider of an environment that targets the local emulator (dev)
 * refuses, at ConfigureProvider and so before any request, every endpoint that could be real OOS.
 * Without this, dev and staging synthesise the same provider block and only a shell variable
 * keeps dev's bots out of the real account.
 */
import { OOS_ENDPOINT_ENV_VAR, emulatorEndpointProblem } from '../domain';

/** Throws when the endpoint in effect (argument, else ALIBABA_CLOUD_OOS_ENDPOINT) is not loopback. */
export function requireLoopbackEndpoint(endpoint: string | undefined, env: NodeJS.ProcessEnv = process.env): void {
  const problem = emulatorEndpointProblem(endpoint ?? env[OOS_ENDPOINT_ENV_VAR]);
  if (problem) throw new Error(`This provider block has emulator_only = true (its environment targets the local emulator), but ${problem}`);
}
