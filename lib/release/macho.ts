import { createHash } from 'node:crypto';
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

/** CodeDirectory flag: signed without a certificate ("ad hoc"), which arm64 macOS accepts for local code. */
const CS_ADHOC = 0x2;
/** CodeDirectory flag: the ad-hoc signature a linker writes (as opposed to `codesign --sign -`). */
const CS_LINKER_SIGNED = 0x20000;
const CSMAGIC_EMBEDDED_SIGNATURE = 0xfade0cc0;
const CSMAGIC_CODEDIRECTORY = 0xfade0c02;
const CSSLOT_CODEDIRECTORY = 0;
const CS_HASHTYPE_SHA256 = 2;

/** What an executable's embedded code signature says, and whether its page hashes match the file. */
export interface MachOCodeSignature {
  readonly identifier: string;
  /** Signed ad hoc (no certificate): enough for arm64 macOS to run it. */
  readonly adhoc: boolean;
  readonly linkerSigned: boolean;
  /** Bytes per hashed page. */
  readonly pageSize: number;
  /** The file bytes the page hashes cover: everything before the signature. */
  readonly codeLimit: number;
  /** Every page hash of the CodeDirectory equals the SHA-256 of that page of the file. */
  readonly pagesMatch: boolean;
}

/**
 * Reads the LC_CODE_SIGNATURE of a thin 64-bit Mach-O and checks its CodeDirectory's page hashes
 * against the file, as the kernel does page by page when it maps the code (all at once here). Undefined when unsigned.
 */
export function codeSignatureOf(binary: Buffer): MachOCodeSignature | undefined {
  if (binary.readUInt32LE(0) !== MH_MAGIC_64) throw new Error('macho: not a thin 64-bit little-endian Mach-O executable');
  const commandCount = binary.readUInt32LE(16);
  let offset = HEADER_SIZE;
  for (let index = 0; index < commandCount; index++) {
    if (binary.readUInt32LE(offset) === LC_CODE_SIGNATURE) return readCodeSignature(binary, binary.readUInt32LE(offset + 8));
    offset += binary.readUInt32LE(offset + 4);
  }
  return undefined;
}

function readCodeSignature(binary: Buffer, start: number): MachOCodeSignature {
  // The signature's blobs are big-endian, unlike the load commands.
  if (binary.readUInt32BE(start) !== CSMAGIC_EMBEDDED_SIGNATURE) throw new Error('macho: LC_CODE_SIGNATURE points at no embedded signature');
  const count = binary.readUInt32BE(start + 8);
  for (let index = 0; index < count; index++) {
    const type = binary.readUInt32BE(start + 12 + index * 8);
    const directory = start + binary.readUInt32BE(start + 16 + index * 8);
    if (type !== CSSLOT_CODEDIRECTORY || binary.readUInt32BE(directory) !== CSMAGIC_CODEDIRECTORY) continue;
    const flags = binary.readUInt32BE(directory + 12);
    const hashOffset = binary.readUInt32BE(directory + 16);
    const identOffset = binary.readUInt32BE(directory + 20);
    const codeSlots = binary.readUInt32BE(directory + 28);
    const codeLimit = binary.readUInt32BE(directory + 32);
    const hashSize = binary.readUInt8(directory + 36);
    const hashType = binary.readUInt8(directory + 37);
    const pageSize = 2 ** binary.readUInt8(directory + 39);
    const identifier = binary.toString('latin1', directory + identOffset, binary.indexOf(0, directory + identOffset));
    let pagesMatch = hashType === CS_HASHTYPE_SHA256 && codeSlots === Math.ceil(codeLimit / pageSize);
    for (let slot = 0; pagesMatch && slot < codeSlots; slot++) {
      const page = binary.subarray(slot * pageSize, Math.min((slot + 1) * pageSize, codeLimit));
      const recorded = binary.subarray(directory + hashOffset + slot * hashSize, directory + hashOffset + (slot + 1) * hashSize);
      pagesMatch = createHash('sha256').update(page).digest().equals(recorded);
    }
    return { identifier, adhoc: (flags & CS_ADHOC) !== 0, linkerSigned: (flags & CS_LINKER_SIGNED) !== 0, pageSize, codeLimit, pagesMatch };
  }
  throw new Error('macho: the embedded signature has no CodeDirectory');
}
