import { testing, DiagnosticsError, diagnosticsFromError, errorDiagnostic } from '../../lib/tfplugin';

const { diagnosticToProto } = testing;

describe('diagnostics on the wire', () => {
  test('severities: error is 1, warning is 2', () => {
    expect(diagnosticToProto({ severity: 'error', summary: 's' }).severity).toBe(1);
    expect(diagnosticToProto({ severity: 'warning', summary: 's' }).severity).toBe(2);
  });

  test('attribute paths use attribute_name, element_key_string and element_key_int steps', () => {
    const proto = diagnosticToProto({ severity: 'error', summary: 's', attribute: [{ attribute: 'tags' }, { key: 'env' }, { index: 3 }] });
    expect(proto.attribute).toEqual({ steps: [{ attribute_name: 'tags' }, { element_key_string: 'env' }, { element_key_int: 3 }] });
  });

  test('a diagnostic without a path has no attribute and an empty detail', () => {
    expect(diagnosticToProto({ severity: 'error', summary: 's' })).toEqual({ severity: 1, summary: 's', detail: '', attribute: null });
  });

  test('a thrown Error becomes one error diagnostic whose summary is its message', () => {
    expect(diagnosticsFromError(new Error('boom'))).toEqual([{ severity: 'error', summary: 'boom', detail: undefined, attribute: undefined }]);
    expect(diagnosticsFromError('plain string')[0].summary).toBe('plain string');
  });

  test('a DiagnosticsError becomes its own list', () => {
    const diagnostics = [errorDiagnostic('a'), { severity: 'warning' as const, summary: 'b' }];
    expect(diagnosticsFromError(new DiagnosticsError(diagnostics))).toBe(diagnostics);
  });
});
