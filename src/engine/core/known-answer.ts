// A real header with a known answer, used to verify a core before any figure is reported from it.
// Bitcoin's genesis block (height 0): header bytes and hash as recorded by the chain
// (btcsuite/btcd chaincfg/genesis.go; also ../shared/vectors/headers.json).

export const GENESIS = {
  headerHex:
    '0100000000000000000000000000000000000000000000000000000000000000000000003ba3edfd7a7b12b27ac72c3e67768f617fc81bc3888a51323a9fb8aa4b1e5e4a29ab5f49ffff001d1dac2b7c',
  nonce: 2083236893,
  /** Display order (byte-reversed). */
  hash: '000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f',
  /** The nBits 0x1d00ffff target, 32 bytes little-endian. */
  targetLittleEndianHex: '0'.repeat(52) + 'ffff' + '0'.repeat(8),
} as const;
