// Real Bitcoin mainnet block headers to re-mine: the 80 header bytes exactly as the chain recorded them,
// with the nonce and hash the miner found. Copied from ../shared/vectors/headers.json, whose own
// sources are, per header:
//   height 0       btcsuite/btcd chaincfg/genesis.go (genesisBlock); bitcoinjs-lib test/fixtures/block.json
//   height 1       btcsuite/btcd wire/msgblock_test.go (blockOne)
//   height 100000  btcsuite/btcd blockchain/validate_test.go (Block100000)
//   height 125552  Bitcoin wiki, "Block hashing algorithm" (the worked Python example)
//   height 370090  bitcoinjs-lib test/fixtures/block.json
// test/unit/block.test.ts checks that each header hashes to its recorded hash, carries its recorded
// nonce and bits, and that this list matches the vectors file.

export interface RealBlock {
  height: number;
  /** What the block is known for, for the picker. */
  title: string;
  /** 160 hex digits, wire order. */
  headerHex: string;
  /** Display order, as block explorers show it. */
  hash: string;
  nonce: number;
  bits: string;
  /** Where the header and hash were taken from. */
  source: string;
}

export const REAL_BLOCKS: readonly RealBlock[] = [
  {
    height: 0,
    title: 'the genesis block (3 January 2009)',
    headerHex:
      '0100000000000000000000000000000000000000000000000000000000000000000000003ba3edfd7a7b12b27ac72c3e67768f617fc81bc3888a51323a9fb8aa4b1e5e4a29ab5f49ffff001d1dac2b7c',
    hash: '000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f',
    nonce: 2083236893,
    bits: '0x1d00ffff',
    source: 'btcsuite/btcd chaincfg/genesis.go; bitcoinjs-lib test/fixtures/block.json',
  },
  {
    height: 1,
    title: 'the first block after genesis (9 January 2009)',
    headerHex:
      '010000006fe28c0ab6f1b372c1a6a246ae63f74f931e8365e15a089c68d6190000000000982051fd1e4ba744bbbe680e1fee14677ba1a3c3540bf7b1cdb606e857233e0e61bc6649ffff001d01e36299',
    hash: '00000000839a8e6886ab5951d76f411475428afc90947ee320161bbf18eb6048',
    nonce: 2573394689,
    bits: '0x1d00ffff',
    source: 'btcsuite/btcd wire/msgblock_test.go',
  },
  {
    height: 100000,
    title: 'block 100,000 (29 December 2010)',
    headerHex:
      '0100000050120119172a610421a6c3011dd330d9df07b63616c2cc1f1cd00200000000006657a9252aacd5c0b2940996ecff952228c3067cc38d4885efb5a4ac4247e9f337221b4d4c86041b0f2b5710',
    hash: '000000000003ba27aa200b1cecaad478d2b00432346c3f1f3986da1afd33e506',
    nonce: 274148111,
    bits: '0x1b04864c',
    source: 'btcsuite/btcd blockchain/validate_test.go',
  },
  {
    height: 125552,
    title: 'block 125,552, the Bitcoin wiki’s worked example (May 2011)',
    headerHex:
      '0100000081cd02ab7e569e8bcd9317e2fe99f2de44d49ab2b8851ba4a308000000000000e320b6c2fffc8d750423db8b1eb942ae710e951ed797f7affc8892b0f1fc122bc7f5d74df2b9441a42a14695',
    hash: '00000000000000001e8d6829a8a21adc5d38d0a473b144b6765798e61f98bd1d',
    nonce: 2504433986,
    bits: '0x1a44b9f2',
    source: 'Bitcoin wiki, “Block hashing algorithm”',
  },
  {
    height: 370090,
    title: 'block 370,090, a version 3 block (August 2015)',
    headerHex:
      '03000000af7b8278e9c67a6d6b3453239d83406a1b21aaed2bfeb10e0000000000000000a4a4dda66b46547ff41d668543f1f20a5974488257a1f35a07c1815187b30ab9913dd05504dd14189f370acd',
    hash: '0000000000000000110f732932babf666ee2d7438529f55a286a751c30dff720',
    nonce: 3439998879,
    bits: '0x1814dd04',
    source: 'bitcoinjs-lib test/fixtures/block.json',
  },
];
