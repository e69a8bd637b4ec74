import { isNotFound } from '../oos/errors';
import { DiagnosticsError, errorDiagnostic, path } from '../tfplugin';

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

/**
 * Awaits `call`; null when OOS says the object does not exist (a read that finds nothing, a delete
 * of something already gone), any other failure rethrown as by describeFailure.
 */
export async function nullIfNotFound<T>(what: string, call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw new Error(`${what} failed: ${errorMessage(error)}`);
  }
}

/** The error of an import whose id names nothing, e.g. `what` = "secret parameter". */
export function importNotFound(what: string, id: string, regionId: string): DiagnosticsError {
  const detail = `No ${what} named "${id}" exists in region ${regionId}. Import takes the ${what}'s name; check the name and the provider's region.`;
  return new DiagnosticsError([errorDiagnostic(`Cannot import a ${what} that does not exist`, detail)]);
}

/**
 * The error of a create whose name another object holds, which this provider must not take over:
 * `why` says how the provider knows it is not its own; the detail says how to import it instead.
 * `what` is e.g. "chat configuration", `example` a construct variable for the cdktf hint.
 */
export function nameTaken(what: string, name: string, regionId: string, why: string, example: string): DiagnosticsError {
  const detail =
    `A ${what} named "${name}" already exists in region ${regionId}, and ${why} ` +
    `(another stack, another checkout or a person may have made it). To manage it here, import it instead of creating it, after making sure no other state manages it: ` +
    `with Terraform, terraform import <resource address> ${name}  (or an import block: import { to = <resource address>, id = "${name}" }); ` +
    `with cdktf, call importFrom("${name}") on the construct's resource (e.g. ${example}.resource.importFrom("${name}")), run cdktf deploy, then remove the call ` +
    `(or run terraform import in cdktf.out/stacks/<stack>). To create a separate one, choose another name.`;
  return new DiagnosticsError([errorDiagnostic(`${what[0].toUpperCase()}${what.slice(1)} already exists`, detail, path('name'))]);
}
