/**
 * Diagnostics on the wire. Every failure of a handler reaches Terraform as diagnostics: a
 * DiagnosticsError as its list, any other thrown value as one error whose summary is its message.
 */
import { AttributePath, Diagnostic, DiagnosticsError, errorDiagnostic } from '../schema';

/** tfplugin6.Diagnostic.Severity */
export const SEVERITY_ERROR = 1;
export const SEVERITY_WARNING = 2;

export interface ProtoAttributePath {
  steps: ({ attribute_name: string } | { element_key_string: string } | { element_key_int: number })[];
}

export interface ProtoDiagnostic {
  severity: number;
  summary: string;
  detail: string;
  attribute: ProtoAttributePath | null;
}

export function attributePathToProto(path: AttributePath): ProtoAttributePath {
  return {
    steps: path.map((step) => {
      if ('attribute' in step) return { attribute_name: step.attribute };
      if ('key' in step) return { element_key_string: step.key };
      return { element_key_int: step.index };
    }),
  };
}

/** Reads a path back, e.g. from a decoded response in tests; oneof fields left unset are ''/0/undefined. */
export function attributePathFromProto(path: {
  steps?: { attribute_name?: string; element_key_string?: string; element_key_int?: number; selector?: string }[];
}): AttributePath {
  return (path.steps ?? []).map((step) => {
    if (step.selector === 'element_key_string') return { key: step.element_key_string ?? '' };
    if (step.selector === 'element_key_int') return { index: Number(step.element_key_int ?? 0) };
    return { attribute: step.attribute_name ?? '' };
  });
}

export function diagnosticToProto(diagnostic: Diagnostic): ProtoDiagnostic {
  return {
    severity: diagnostic.severity === 'warning' ? SEVERITY_WARNING : SEVERITY_ERROR,
    summary: diagnostic.summary,
    detail: diagnostic.detail ?? '',
    attribute: diagnostic.attribute && diagnostic.attribute.length > 0 ? attributePathToProto(diagnostic.attribute) : null,
  };
}

export function diagnosticsToProto(diagnostics: readonly Diagnostic[] | undefined): ProtoDiagnostic[] {
  return (diagnostics ?? []).map(diagnosticToProto);
}

/** The diagnostics a thrown value stands for. */
export function diagnosticsFromError(error: unknown): Diagnostic[] {
  if (error instanceof DiagnosticsError) return error.diagnostics;
  if (error instanceof Error) return [errorDiagnostic(error.message || error.name)];
  return [errorDiagnostic(String(error))];
}

export function hasErrors(diagnostics: readonly Diagnostic[] | undefined): boolean {
  return (diagnostics ?? []).some((diagnostic) => diagnostic.severity === 'error');
}
