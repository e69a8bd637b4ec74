import { X509Certificate, createPrivateKey } from 'node:crypto';
import { generateSelfSignedCertificate, handshakeCertificate } from '../../lib/tfplugin';

describe('generateSelfSignedCertificate', () => {
  const now = new Date('2025-06-01T12:00:00Z');
  const certificate = generateSelfSignedCertificate({ now });
  const x509 = new X509Certificate(certificate.certPem);

  test('is a certificate for localhost (SAN DNS:localhost)', () => {
    expect(x509.subjectAltName).toBe('DNS:localhost');
    expect(x509.checkHost('localhost')).toBe('localhost');
    expect(x509.subject).toContain('CN=localhost');
  });

  test('is a self-signed CA certificate whose key matches', () => {
    expect(x509.ca).toBe(true);
    expect(x509.issuer).toBe(x509.subject);
    expect(x509.verify(x509.publicKey)).toBe(true);
    expect(x509.checkPrivateKey(createPrivateKey(certificate.keyPem))).toBe(true);
  });

  test('uses an EC P-256 key', () => {
    expect(x509.publicKey.asymmetricKeyType).toBe('ec');
    expect(x509.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
  });

  test('allows server and client authentication', () => {
    expect(x509.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']);
  });

  test('is valid from 30 seconds before now for 30 days', () => {
    expect(new Date(x509.validFrom).toISOString()).toBe('2025-06-01T11:59:30.000Z');
    expect(new Date(x509.validTo).toISOString()).toBe('2025-07-01T12:00:00.000Z');
  });

  test('gets a fresh key and serial number every time', () => {
    const other = new X509Certificate(generateSelfSignedCertificate().certPem);
    expect(other.serialNumber).not.toBe(x509.serialNumber);
    expect(other.publicKey.export({ type: 'spki', format: 'der' })).not.toEqual(x509.publicKey.export({ type: 'spki', format: 'der' }));
  });

  test('takes a few milliseconds at most', () => {
    const started = performance.now();
    for (let i = 0; i < 20; i++) generateSelfSignedCertificate();
    expect((performance.now() - started) / 20).toBeLessThan(10);
  });

  test('the handshake form is the DER in base64 without padding', () => {
    const encoded = handshakeCertificate(certificate.certDer);
    expect(encoded).not.toMatch(/=/);
    expect(Buffer.from(encoded, 'base64')).toEqual(certificate.certDer);
    expect(Buffer.from(x509.raw)).toEqual(certificate.certDer);
  });
});
