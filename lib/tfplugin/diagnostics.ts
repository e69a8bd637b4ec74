/**
 * The diagnostics accumulator every hook receives (`diagnostics.warning(...)`,
 * `diagnostics.error(...)`), as terraform-plugin-framework's `resp.Diagnostics`: a hook can report
 * several problems, warnings with a successful result, and each with the attribute path it is about.
 * Throwing still works: a thrown value becomes error diagnostics (`diagnosticsFromError`).
 */
import { AttributePath, Diagnostic, DiagnosticsError, errorDiagnostic, warningDiagnostic } from './schema';

export class Diagnostics {
  private readonly collected: Diagnostic[] = [];

  /** Something is wrong and the operation fails; `attribute` points Terraform at the place in the configuration. */
  error(summary: string, detail?: string, attribute?: AttributePath): void {
    this.collected.push(errorDiagnostic(summary, detail, attribute));
  }

  /** Shown with a successful result. */
  warning(summary: string, detail?: string, attribute?: AttributePath): void {
    this.collected.push(warningDiagnostic(summary, detail, attribute));
  }

  add(...diagnostics: readonly Diagnostic[]): void {
    this.collected.push(...diagnostics);
  }

  /** Records what a thrown value stands for (see `diagnosticsFromError`). */
  addError(error: unknown): void {
    this.add(...diagnosticsFromError(error));
  }

  get hasErrors(): boolean {
    return hasErrors(this.collected);
  }

  get all(): readonly Diagnostic[] {
    return this.collected;
  }
}

/** A hook threw after it had reported diagnostics: both reach Terraform, what it reported first. */
export class HookFailure extends Error {
  constructor(
    readonly cause: unknown,
    readonly reported: readonly Diagnostic[],
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/**
 * Runs a hook with a fresh accumulator. A throw is rethrown as it is when the hook reported
 * nothing, else as a HookFailure that keeps what it reported.
 */
export async function runHook<T>(hook: (diagnostics: Diagnostics) => Promise<T> | T): Promise<{ result: T; diagnostics: Diagnostic[] }> {
  const diagnostics = new Diagnostics();
  try {
    return { result: await hook(diagnostics), diagnostics: [...diagnostics.all] };
  } catch (error) {
    throw diagnostics.all.length === 0 ? error : new HookFailure(error, [...diagnostics.all]);
  }
}

/** The diagnostics a thrown value stands for: a DiagnosticsError its list, anything else one error with its message. */
export function diagnosticsFromError(error: unknown): Diagnostic[] {
  if (error instanceof HookFailure) return [...error.reported, ...diagnosticsFromError(error.cause)];
  if (error instanceof DiagnosticsError) return error.diagnostics;
  if (error instanceof Error) return [errorDiagnostic(error.message || error.name)];
  return [errorDiagnostic(String(error))];
}

export function hasErrors(diagnostics: readonly Diagnostic[] | undefined): boolean {
  return (diagnostics ?? []).some((diagnostic) => diagnostic.severity === 'error');
}
