/** Mach-O and PE signatures: removing a runtime's own signature (the Node SEA of bench/node-sea, a stale one Bun leaves in darwin x64), reading and checking one. */
import { removeCodeSignature } from '../../lib/release/macho';
import { removeAuthenticodeSignature } from '../../lib/release/pe';

const LINKEDIT_FILE_OFFSET = 256;
const SIGNATURE_OFFSET = 400;

/** A minimal x86_64 Mach-O: header, __LINKEDIT from 256, a code signature at 400..480 ending the file. */
function signedMachO(commandsAfterSignature = 0): Buffer {
  const binary = Buffer.alloc(SIGNATURE_OFFSET + 80, 0xaa);
  binary.fill(0, 0, 32 + 72 + 16 + commandsAfterSignature * 16);
  binary.writeUInt32LE(0xfeedfacf, 0);
  binary.writeUInt32LE(0x01000007, 4);
  binary.writeUInt32LE(2 + commandsAfterSignature, 16);
  binary.writeUInt32LE(72 + 16 + commandsAfterSignature * 16, 20);
  binary.writeUInt32LE(0x19, 32);
  binary.writeUInt32LE(72, 36);
  binary.write('__LINKEDIT', 40, 'latin1');
  binary.writeBigUInt64LE(0x20000n, 64);
  binary.writeBigUInt64LE(BigInt(LINKEDIT_FILE_OFFSET), 72);
  binary.writeBigUInt64LE(BigInt(binary.length - LINKEDIT_FILE_OFFSET), 80);
  binary.writeUInt32LE(0x1d, 104);
  binary.writeUInt32LE(16, 108);
  binary.writeUInt32LE(SIGNATURE_OFFSET, 112);
  binary.writeUInt32LE(80, 116);
  for (let i = 0; i < commandsAfterSignature; i++) {
    binary.writeUInt32LE(0x26, 120 + i * 16);
    binary.writeUInt32LE(16, 124 + i * 16);
  }
  return binary;
}

describe('removeCodeSignature', () => {
  const unsigned = removeCodeSignature(signedMachO());

  it('drops the LC_CODE_SIGNATURE command and the signature bytes at the end of the file', () => {
    expect(unsigned.readUInt32LE(16)).toBe(1);
    expect(unsigned.readUInt32LE(20)).toBe(72);
    expect(unsigned.subarray(104, 120).equals(Buffer.alloc(16))).toBe(true);
    expect(unsigned.length).toBe(SIGNATURE_OFFSET);
  });

  it('ends __LINKEDIT where the signature began, its memory size rounded up to a page', () => {
    expect(unsigned.readBigUInt64LE(80)).toBe(BigInt(SIGNATURE_OFFSET - LINKEDIT_FILE_OFFSET));
    expect(unsigned.readBigUInt64LE(64)).toBe(0x1000n);
  });

  it('refuses a layout it cannot edit safely, naming the tool that can', () => {
    expect(() => removeCodeSignature(signedMachO(1))).toThrow('use codesign --remove-signature on a mac');
    expect(() => removeCodeSignature(Buffer.from('MZ not a mach-o binary at all.....'))).toThrow('not a thin 64-bit little-endian Mach-O');
  });
});

/** A minimal PE32+ image: headers, a 20-byte certificate table at 300 ending the file. */
function signedPe(certificateAt = 300): Buffer {
  const binary = Buffer.alloc(320);
  binary.write('MZ', 0, 'latin1');
  binary.writeUInt32LE(64, 0x3c);
  binary.writeUInt32LE(0x00004550, 64);
  binary.writeUInt16LE(0x20b, 88);
  binary.writeUInt32LE(0x1234, 88 + 64);
  binary.writeUInt32LE(16, 88 + 108);
  binary.writeUInt32LE(certificateAt, 88 + 112 + 32);
  binary.writeUInt32LE(20, 88 + 112 + 36);
  return binary;
}

describe('removeAuthenticodeSignature', () => {
  it('drops the certificate table and its directory entry, and zeroes the image checksum', () => {
    const unsigned = removeAuthenticodeSignature(signedPe());
    expect(unsigned.length).toBe(300);
    expect([unsigned.readUInt32LE(232), unsigned.readUInt32LE(236), unsigned.readUInt32LE(152)]).toEqual([0, 0, 0]);
  });

  it('refuses a certificate table that does not end the file, naming the tool that can remove it', () => {
    expect(() => removeAuthenticodeSignature(signedPe(280))).toThrow('use signtool remove /s on Windows');
  });
});
