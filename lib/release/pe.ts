/**
 * Removes the Authenticode signature from a PE32+ executable, as `signtool remove /s` does: the
 * SEA injection would leave Node's signature in place but invalid (postject warns "The signature
 * seems corrupted!"), and an executable whose signature fails looks worse to Windows and virus
 * scanners than an unsigned one. Sign the result with your own certificate if you need one.
 */
const PE32_PLUS = 0x20b;
const SECURITY_DIRECTORY = 4;

export function removeAuthenticodeSignature(binary: Buffer): Buffer {
  const peOffset = binary.readUInt32LE(0x3c);
  if (binary.toString('latin1', 0, 2) !== 'MZ' || binary.readUInt32LE(peOffset) !== 0x00004550) throw new Error('pe: not a PE executable');
  const optionalHeader = peOffset + 24;
  if (binary.readUInt16LE(optionalHeader) !== PE32_PLUS) throw new Error('pe: not a 64-bit (PE32+) executable');
  if (binary.readUInt32LE(optionalHeader + 108) <= SECURITY_DIRECTORY) return binary;
  const entry = optionalHeader + 112 + SECURITY_DIRECTORY * 8;
  const offset = binary.readUInt32LE(entry);
  const size = binary.readUInt32LE(entry + 4);
  if (size === 0) return binary;
  if (offset + size !== binary.length) throw new Error('pe: the signature is not at the end of the file; use signtool remove /s on Windows');
  const unsigned = Buffer.from(binary.subarray(0, offset));
  unsigned.writeUInt32LE(0, entry);
  unsigned.writeUInt32LE(0, entry + 4);
  // The image checksum covered the signed file; Windows checks it only for drivers.
  unsigned.writeUInt32LE(0, optionalHeader + 64);
  return unsigned;
}
