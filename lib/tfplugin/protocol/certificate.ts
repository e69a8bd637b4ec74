/**
 * The provider's TLS identity for Terraform's automatic mTLS: an EC P-256 key and a self-signed
 * X.509 v3 certificate for `localhost`, made in-process in about a millisecond (no openssl
 * subprocess, no RSA key generation), because every provider start needs a fresh one.
 *
 * The certificate mirrors what go-plugin generates for itself: SAN DNS:localhost, CA:true,
 * key usage digitalSignature + keyEncipherment + keyAgreement + keyCertSign, extended key usage
 * serverAuth + clientAuth. The DER below is the handful of ASN.1 shapes an X.509 certificate needs.
 */
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';

export interface SelfSignedCertificate {
  /** PEM of the certificate. */
  readonly certPem: string;
  /** DER of the certificate (what the handshake line carries, base64). */
  readonly certDer: Buffer;
  /** PKCS#8 PEM of the private key. */
  readonly keyPem: string;
}

export interface CertificateOptions {
  /** Subject and issuer common name and the one DNS SAN. Default `localhost`. */
  readonly hostname?: string;
  /** Subject organization. Default `oos-chatops`. */
  readonly organization?: string;
  /** Validity from `now - 30 s`. Default 30 days. */
  readonly validDays?: number;
  /** The time the certificate is made at; for tests. Default now. */
  readonly now?: Date;
}

export function generateSelfSignedCertificate(options: CertificateOptions = {}): SelfSignedCertificate {
  const hostname = options.hostname ?? 'localhost';
  const now = options.now ?? new Date();
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });

  const name = der.sequence(
    der.set(der.sequence(der.oid(OID.organizationName), der.utf8String(options.organization ?? 'oos-chatops'))),
    der.set(der.sequence(der.oid(OID.commonName), der.utf8String(hostname))),
  );
  const notBefore = new Date(now.getTime() - 30_000);
  const notAfter = new Date(now.getTime() + (options.validDays ?? 30) * 86_400_000);
  const signatureAlgorithm = der.sequence(der.oid(OID.ecdsaWithSha256));

  const tbsCertificate = der.sequence(
    der.explicit(0, der.integer(Buffer.from([2]))), // version v3
    der.integer(serialNumber()),
    signatureAlgorithm,
    name,
    der.sequence(der.time(notBefore), der.time(notAfter)),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
    der.explicit(3, der.sequence(...extensions(hostname))),
  );
  const signature = sign('sha256', tbsCertificate, { key: privateKey, dsaEncoding: 'der' });
  const certDer = der.sequence(tbsCertificate, signatureAlgorithm, der.bitString(signature));

  return {
    certDer,
    certPem: toPem('CERTIFICATE', certDer),
    keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
  };
}

/** The certificate in the handshake line's form: DER, base64 without padding. */
export function handshakeCertificate(certDer: Buffer): string {
  return certDer.toString('base64').replace(/=+$/, '');
}

function extensions(hostname: string): Buffer[] {
  // keyUsage bits: digitalSignature(0) keyEncipherment(2) keyAgreement(4) keyCertSign(5);
  // DER drops trailing zero bits, so the last 2 bits of the byte are unused.
  const keyUsage = der.tlv(0x03, Buffer.from([2, 0b1010_1100]));
  return [
    extension(OID.keyUsage, true, keyUsage),
    extension(OID.extKeyUsage, false, der.sequence(der.oid(OID.serverAuth), der.oid(OID.clientAuth))),
    extension(OID.basicConstraints, true, der.sequence(der.boolean(true))),
    extension(OID.subjectAltName, false, der.sequence(der.tlv(0x82, Buffer.from(hostname, 'ascii')))), // [2] dNSName
  ];
}

function extension(oid: string, critical: boolean, value: Buffer): Buffer {
  return critical ? der.sequence(der.oid(oid), der.boolean(true), der.octetString(value)) : der.sequence(der.oid(oid), der.octetString(value));
}

/** 16 random bytes, positive and without a leading zero byte, as RFC 5280 asks. */
function serialNumber(): Buffer {
  const serial = randomBytes(16);
  serial[0] = (serial[0] & 0x7f) | 0x01;
  return serial;
}

function toPem(label: string, body: Buffer): string {
  const lines = body.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

const OID = {
  commonName: '2.5.4.3',
  organizationName: '2.5.4.10',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  extKeyUsage: '2.5.29.37',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
};

/** The minimal DER encoder the certificate needs. */
const der = {
  tlv(tag: number, content: Buffer): Buffer {
    return Buffer.concat([Buffer.from([tag]), length(content.length), content]);
  },
  sequence(...items: Buffer[]): Buffer {
    return der.tlv(0x30, Buffer.concat(items));
  },
  set(...items: Buffer[]): Buffer {
    return der.tlv(0x31, Buffer.concat(items));
  },
  explicit(tagNumber: number, content: Buffer): Buffer {
    return der.tlv(0xa0 | tagNumber, content);
  },
  boolean(value: boolean): Buffer {
    return der.tlv(0x01, Buffer.from([value ? 0xff : 0x00]));
  },
  /** A non-negative integer from its big-endian magnitude. */
  integer(magnitude: Buffer): Buffer {
    let start = 0;
    while (start < magnitude.length - 1 && magnitude[start] === 0) start++;
    const trimmed = magnitude.subarray(start);
    return der.tlv(0x02, trimmed[0] & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed);
  },
  bitString(content: Buffer): Buffer {
    return der.tlv(0x03, Buffer.concat([Buffer.from([0]), content]));
  },
  octetString(content: Buffer): Buffer {
    return der.tlv(0x04, content);
  },
  utf8String(value: string): Buffer {
    return der.tlv(0x0c, Buffer.from(value, 'utf8'));
  },
  oid(dotted: string): Buffer {
    const arcs = dotted.split('.').map(Number);
    const bytes = [40 * arcs[0] + arcs[1]];
    for (const arc of arcs.slice(2)) {
      const base128 = [arc & 0x7f];
      for (let rest = arc >>> 7; rest > 0; rest >>>= 7) base128.unshift((rest & 0x7f) | 0x80);
      bytes.push(...base128);
    }
    return der.tlv(0x06, Buffer.from(bytes));
  },
  /** UTCTime until 2049, GeneralizedTime from 2050, as RFC 5280 requires. */
  time(date: Date): Buffer {
    const iso = date.toISOString(); // 2025-01-02T03:04:05.678Z
    const digits = iso.slice(0, 19).replace(/[-:T]/g, '') + 'Z'; // 20250102030405Z
    return date.getUTCFullYear() < 2050 ? der.tlv(0x17, Buffer.from(digits.slice(2), 'ascii')) : der.tlv(0x18, Buffer.from(digits, 'ascii'));
  },
};

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let rest = n; rest > 0; rest >>>= 8) bytes.unshift(rest & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}
