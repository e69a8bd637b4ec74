/**
 * Node flags every provider process runs with: the development launcher passes them on its
 * command line, the release executable carries them in its SEA configuration (execArgv).
 *
 * `--max-semi-space-size=8`: V8 lets the young generation grow to 16 MB per semi-space (32 MB
 * of RSS and more) under the allocation rate of hundreds of concurrent RPCs; capped at 8 MB, the
 * oos provider's peak RSS during a 300-resource apply drops from ~122 MB to ~106 MB at no
 * measurable cost in time (bench/ and docs/benchmarks.md).
 */
export const PROVIDER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8'];
