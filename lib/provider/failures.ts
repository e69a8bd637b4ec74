/** The message of anything thrown, for error texts that say what failed. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Awaits `call`; a failure is rethrown as "<what> failed: <reason>" (the OOS code and RequestId are in the reason). */
export async function describeFailure<T>(what: string, call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    throw new Error(`${what} failed: ${errorMessage(error)}`);
  }
}
