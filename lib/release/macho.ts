/**
 * Removes the code signature from a thin 64-bit Mach-O executable, as `codesign --remove-signature`
 * does, so that one can be built off a mac: injecting the SEA blob would otherwise leave Node's
 * signature in place but broken, and macOS kills a hardened-runtime binary whose pages fail it.
 * An unsigned x86_64 executable runs; arm64 needs at least an ad-hoc signature (`codesign --sign -`).
 */
const MH_MAGIC_64 = 0xfeedfacf;
const LC_SEGMENT_64 = 0x19;
const LC_CODE_SIGNATURE = 0x1d;
const CPU_TYPE_ARM64 = 0x0100000c;
const HEADER_SIZE = 32;

export function removeCodeSignature(binary: Buffer): Buffer {
  if (binary.readUInt32LE(0) !== MH_MAGIC_64)
    throw new Error('macho: not a thin 64-bit little-endian Mach-O executable (a universal binary must be split first)');
  const commandCount = binary.readUInt32LE(16);
  const pageSize = binary.readUInt32LE(4) === CPU_TYPE_ARM64 ? 0x4000 : 0x1000;
  let offset = HEADER_SIZE;
  let linkedit: number | undefined;
  for (let index = 0; index < commandCount; index++) {
    const command = binary.readUInt32LE(offset);
    const size = binary.readUInt32LE(offset + 4);
    if (command === LC_SEGMENT_64 && binary.toString('latin1', offset + 8, offset + 24).replace(/\0+$/, '') === '__LINKEDIT') linkedit = offset;
    if (command === LC_CODE_SIGNATURE) {
      if (index !== commandCount - 1 || linkedit === undefined)
        throw new Error('macho: the code signature is not the last load command after __LINKEDIT; use codesign --remove-signature on a mac');
      const dataOffset = binary.readUInt32LE(offset + 8);
      const unsigned = Buffer.from(binary.subarray(0, dataOffset));
      unsigned.fill(0, offset, offset + size);
      unsigned.writeUInt32LE(commandCount - 1, 16);
      unsigned.writeUInt32LE(binary.readUInt32LE(20) - size, 20);
      // __LINKEDIT ends where the signature began.
      const fileSize = BigInt(dataOffset) - unsigned.readBigUInt64LE(linkedit + 40);
      unsigned.writeBigUInt64LE(fileSize, linkedit + 48);
      unsigned.writeBigUInt64LE(((fileSize + BigInt(pageSize - 1)) / BigInt(pageSize)) * BigInt(pageSize), linkedit + 32);
      return unsigned;
    }
    offset += size;
  }
  return binary;
}
