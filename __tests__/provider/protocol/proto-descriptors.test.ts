import { readFileSync } from 'node:fs';

const { compileProtoDescriptors, DESCRIPTORS_FILE } = require('../../../scripts/bundle-provider.js') as {
  compileProtoDescriptors(): string;
  DESCRIPTORS_FILE: string;
};

test('descriptors.json is compiled from the current .proto files (run: node scripts/bundle-provider.js)', () => {
  expect(readFileSync(DESCRIPTORS_FILE, 'utf8')).toBe(compileProtoDescriptors());
});
