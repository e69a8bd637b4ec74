/**
 * Diagnostics on the wire. Every failure of a handler reaches Terraform as diagnostics (see
 * `diagnosticsFromError` in ../diagnostics.ts).
 */
import type { AttributePath, Diagnostic } from '../schema';
import type { ProtoAttributePath, ProtoDiagnostic } from './messages';

/** tfplugin6.Diagnostic.Severity */
export const SEVERITY_ERROR = 1;
export const SEVERITY_WARNING = 2;

export function attributePathToProto(path: AttributePath): ProtoAttributePath {
  return {
    steps: path.map((step) => {
      if ('attribute' in step) return { attribute_name: step.attribute };
      if ('key' in step) return { element_key_string: step.key };
      return { element_key_int: step.index };
    }),
  };
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
