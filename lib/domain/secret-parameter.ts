/** Rules of OOS secret parameters that the construct and the provider both check before OOS does. */

/** Terraform type name of the secret parameter resource. */
export const SECRET_PARAMETER_RESOURCE = 'oos_secret_parameter';

/** OOS's documented limits of a secret parameter's value and description. */
export const MAX_SECRET_PARAMETER_VALUE_LENGTH = 4096;
export const MAX_SECRET_PARAMETER_DESCRIPTION_LENGTH = 200;

/** `Constraints` is JSON text of an object (AllowedValues, AllowedPattern, MinLength, MaxLength). */
export function secretParameterConstraintsProblem(text: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return undefined;
  } catch {
    // Not JSON: the same answer as JSON that is not an object.
  }
  return 'constraints must be JSON text of an object, e.g. {"MinLength": 16} (in HCL: jsonencode({ MinLength = 16 })).';
}

/** Two Constraints texts that say the same (OOS may answer them reformatted). */
export function sameConstraints(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  try {
    return JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b));
  } catch {
    return a === b;
  }
}
