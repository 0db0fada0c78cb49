// The SHA-256d device catalogue, as data: ASIC miners, home and open-source miners, GPUs and CPUs,
// every figure with the document it was read from, a release month and how far to trust it
// (../shared/reference/devices.md gathers the sources). Hashrates are header hashes per second.
// Pools & profit, the Devices screen and `powlab devices` all read this one list.
//
// Rules the schema test (test/unit/devices.test.ts) holds every row to:
// - No number is invented. Where the reference gives no power, `watts` is null and `basis` says so;
//   a device with no published hashrate (the reference's Whatsminer M30S: efficiency only) cannot be a
//   row, since every other figure hangs on the hashrate.
// - A derived or modeled figure says how it was made, in one of a few fixed phrasings that the test
//   recomputes: "watts derived from X J/TH"; "0.47 × hashcat mode 1400 N MH/s" (hashcat mode 1400 is
//   one SHA-256 compression per candidate, a header hash with a cached midstate costs about two, and
//   the measured mode-21400/1400 ratios are 0.452 and 0.498); "hashcat mode 21400 N MH/s" (two
//   compressions, used as published); "half of N MH/s compressions" (SHA-extension benchmarks).
// - GPU watts are the card's board power: a spec, not a measurement (hashcat reports no power).
// - `released` is YYYY-MM. Where a source gives only a year, the month is -01 and `basis` says the
//   month is unknown. GPU and CPU launch months are not in the reference: they are the vendors' public
//   launch (or announcement) months, and `basis` says which.

import { bestRun, type AdapterFacts, type BenchResult } from './bench-result.js';

export type DeviceKind = 'asic' | 'gpu' | 'cpu' | 'home';
export const DEVICE_KINDS: readonly DeviceKind[] = Object.freeze(['asic', 'gpu', 'cpu', 'home'] as const);
export const KIND_NAMES: Readonly<Record<DeviceKind, string>> = Object.freeze({
  asic: 'ASIC miner',
  gpu: 'GPU',
  cpu: 'CPU',
  home: 'home miner',
});

export type Confidence = 'high' | 'medium' | 'low';
export const CONFIDENCES: readonly Confidence[] = Object.freeze(['high', 'medium', 'low'] as const);

export interface DeviceProfile {
  id: string;
  name: string;
  maker: string;
  kind: DeviceKind;
  /** Header hashes per second. */
  hashrate: number;
  /** Watts at the wall (ASICs), board power (GPUs), or as typed (measured rows); null = unknown, never invented. */
  watts: number | null;
  /** 'YYYY-MM': release (catalogue rows) or measurement (measured rows). */
  released: string;
  /** The document the figures were read from. */
  source: string;
  confidence: Confidence;
  /** How a derived or modeled figure was made, and anything else a reader must know to trust it. */
  basis?: string;
  /** True for rows PoW Lab measured (this browser, an imported benchmark result); false for the catalogue. */
  measured: boolean;
}

const TH = 1e12;
const GH = 1e9;
const MH = 1e6;
const KH = 1e3;

/** The catalogue's shared source names (the reference's own words). */
const CBECI = 'Cambridge CBECI miners.csv';
const CATALOGUE = '"Mining Intelligence Catalog" (2026-04)';
const BOARD_POWER = 'watts: board power (TGP), a spec, not a measurement';
const NO_POWER = 'watts: unknown (the reference gives no power figure)';

type Row = Omit<DeviceProfile, 'measured' | 'basis'> & { basis?: string };

function row(r: Row): DeviceProfile {
  return Object.freeze({ ...r, measured: false });
}

function asic(id: string, name: string, maker: string, terahash: number, watts: number, released: string, source: string, confidence: Confidence, basis?: string): DeviceProfile {
  return row({ id, name, maker, kind: 'asic', hashrate: terahash * TH, watts, released, source, confidence, ...(basis ? { basis } : {}) });
}

/** A GPU (or CPU) from hashcat -b: mode 21400 as published, else 0.47 × mode 1400. */
function hashcat(
  id: string,
  name: string,
  maker: string,
  kind: DeviceKind,
  rates: { mode1400: number; mode21400?: number },
  watts: number | null,
  released: string,
  source: string,
  confidence: Confidence,
  extra: string,
): DeviceProfile {
  const modeled = rates.mode21400 !== undefined;
  const hashrate = modeled ? rates.mode21400! * MH : 0.47 * rates.mode1400 * MH;
  const rate = modeled
    ? `hashcat mode 21400 ${rates.mode21400} MH/s (two compressions, like a header hash with a cached midstate; mode 1400: ${rates.mode1400} MH/s)`
    : `0.47 × hashcat mode 1400 ${rates.mode1400} MH/s (no mode-21400 figure published)`;
  return row({ id, name, maker, kind, hashrate, watts, released, source, confidence, basis: `${rate}; ${extra}` });
}

export const DEVICES: readonly DeviceProfile[] = Object.freeze([
  // ---- ASIC miners -----------------------------------------------------------------------------
  // Two historic points from outside the reference's tables, each from the one document named (low
  // confidence): the first ASIC miner shipped, and the Antminer S7 of CBECI's historic list (CBECI gives
  // only its efficiency and date; the hashrate is a review page's).
  asic('avalon1', 'Avalon (batch 1, 110 nm)', 'Avalon (now Canaan)', 0.066, 440, '2013-01', 'blog.zorinaq.com, "The Insane Bitcoin ASIC Race — And The Winner is..." (January 2013): 66 GH/s, "draws about 440 Watt"', 'low', 'the first ASIC miner delivered (to Jeff Garzik, January 2013); watts: "about 440", a single secondary report'),
  asic('s7', 'Bitmain Antminer S7', 'Bitmain', 4.73, 1291, '2015-09', `${CBECI} (273 J/TH, 2015-09); hashrate: adster93/hobbymining "Bitmain Antminer S7 Review" (4.73 TH/s)`, 'low', 'watts derived from 273 J/TH; the hashrate is from a review page, not from CBECI'),
  asic('s9', 'Bitmain Antminer S9 (13.5 TH bin)', 'Bitmain', 13.5, 1323, '2017-09', `${CBECI}; asics-tools wattage list`, 'high'),
  asic('s17', 'Bitmain Antminer S17', 'Bitmain', 56, 2520, '2019-04', CBECI, 'high', 'watts derived from 45 J/TH'),
  asic('s19', 'Bitmain Antminer S19', 'Bitmain', 95, 3250, '2020-05', `${CBECI}; miningstore S19 guide`, 'high'),
  asic('s19pro', 'Bitmain Antminer S19 Pro', 'Bitmain', 110, 3250, '2020-05', `${CBECI}; Zeus Mining review`, 'high'),
  asic('s19xp', 'Bitmain Antminer S19 XP', 'Bitmain', 140, 3010, '2022-01', 'miningstore; asics-tools wattage list', 'high', 'released: the sources give the year 2022 only; the month is unknown (-01 stands for the year)'),
  asic('s21', 'Bitmain Antminer S21', 'Bitmain', 200, 3500, '2023-09', 'ViaBTC / bitsday report of WDMS 2023; retailer sheets', 'high', 'released: announced 2023-09 at WDMS, shipped 2024'),
  asic('s21hyd', 'Bitmain Antminer S21 Hyd', 'Bitmain', 335, 5360, '2024-02', `ViaBTC; ${CATALOGUE}`, 'medium', 'hydro-cooled; 16.0 J/TH'),
  asic('s21pro', 'Bitmain Antminer S21 Pro', 'Bitmain', 234, 3510, '2024-07', CATALOGUE, 'medium'),
  asic('s21xp', 'Bitmain Antminer S21 XP', 'Bitmain', 270, 3645, '2024-09', CATALOGUE, 'medium'),
  asic('s21xphyd', 'Bitmain Antminer S21 XP Hyd', 'Bitmain', 473, 5676, '2024-10', CATALOGUE, 'medium', 'hydro-cooled'),
  asic('s21plus', 'Bitmain Antminer S21+', 'Bitmain', 216, 3564, '2025-02', CATALOGUE, 'medium'),
  asic('s21xpplushyd', 'Bitmain Antminer S21 XP+ Hyd', 'Bitmain', 500, 5500, '2025-07', CATALOGUE, 'medium', 'hydro-cooled'),
  asic('s23', 'Bitmain Antminer S23', 'Bitmain', 318, 3498, '2026-01', CATALOGUE, 'medium'),
  asic('s23hyd', 'Bitmain Antminer S23 Hyd', 'Bitmain', 580, 5510, '2026-01', `${CATALOGUE}; bitcoin.com report (580 TH/s, 9.5 J/TH); CoinDesk/TheMinerMag copy (9.7 J/TH)`, 'medium', 'hydro-cooled; 9.5 J/TH (one report: 9.7); not checked against Bitmain'),
  asic('s23hyd3u', 'Bitmain Antminer S23 Hyd 3U', 'Bitmain', 1160, 11020, '2026-01', CATALOGUE, 'medium', 'hydro-cooled, 3U rack unit'),
  asic('m60spp', 'MicroBT Whatsminer M60S++', 'MicroBT', 226, 3600, '2024-12', CATALOGUE, 'medium'),
  asic('m66s', 'MicroBT Whatsminer M66S (immersion)', 'MicroBT', 290, 5513, '2023-11', `${CATALOGUE}; Riot Platforms press release`, 'medium', 'hashrate about 290 TH/s; these watts give 19.0 J/TH, the Riot release says "18.5 Joules per terahash"'),
  asic('m70splus', 'MicroBT Whatsminer M70S+', 'MicroBT', 244, 3140, '2025-12', CATALOGUE, 'medium', 'J/TH derived (12.9)'),
  asic('a1466', 'Canaan Avalon A1466', 'Canaan', 150, 3230, '2023-01', 'D-Central troubleshooting page', 'medium', 'J/TH derived (21.5); released: the source gives the year 2023 only; the month is unknown (-01 stands for the year)'),
  asic('a15', 'Canaan Avalon A15', 'Canaan', 194, 3647, '2024-12', CATALOGUE, 'medium', 'J/TH derived (18.8)'),
  asic('a16', 'Canaan Avalon A16', 'Canaan', 282, 3900, '2025-10', `Hashrate Index, "Hardware review: Canaan's A16 series"`, 'high'),
  asic('a16xp', 'Canaan Avalon A16 XP', 'Canaan', 300, 3850, '2025-10', `Hashrate Index, "Hardware review: Canaan's A16 series"`, 'high'),
  asic('at2880', 'Auradine Teraflux AT2880', 'Auradine', 180, 2880, '2024-11', CATALOGUE, 'medium'),

  // ---- Home and open-source miners ---------------------------------------------------------------
  row({
    id: 'bitaxe-gamma',
    name: 'Bitaxe Gamma (1× BM1370)',
    maker: 'Bitaxe (open hardware)',
    kind: 'home',
    hashrate: 1.071 * TH,
    watts: 22,
    released: '2024-08',
    source: 'bitaxeorg/ESP-Miner main/device_config.h; owner reports',
    confidence: 'high',
    basis:
      'hashrate: the firmware\'s expected figure, 525 MHz × 2040 small cores / 1000 = 1071 GH/s (owners measure ~1.09–1.2 TH/s); watts: the top of the 19–22 W power target, a target, not a measurement (owners report ~15–18 J/TH); released: the month ESP-Miner gained BM1370 (Gamma) support, commit of 2024-08-15',
  }),
  row({
    id: 'bitaxe-supra',
    name: 'Bitaxe Supra (BM1368)',
    maker: 'Bitaxe (open hardware)',
    kind: 'home',
    hashrate: 625 * GH,
    watts: null,
    released: '2024-02',
    source: 'bitaxeorg/ESP-Miner main/device_config.h',
    confidence: 'high',
    basis: `hashrate: the firmware's expected figure; ${NO_POWER}; released: the month ESP-Miner gained BM1368 support (commit "Add BM1368 support", 2024-02-04)`,
  }),
  row({
    id: 'bitaxe-ultra',
    name: 'Bitaxe Ultra (BM1366)',
    maker: 'Bitaxe (open hardware)',
    kind: 'home',
    hashrate: 434 * GH,
    watts: null,
    released: '2023-08',
    source: 'bitaxeorg/ESP-Miner main/device_config.h',
    confidence: 'high',
    basis: `hashrate: the firmware's expected figure; ${NO_POWER}; released: the month ESP-Miner gained the Ultra (commit "Ultra (#15)", 2023-08-20)`,
  }),
  row({
    id: 'nerdminer-sw',
    name: 'NerdMiner v2 (ESP32, software SHA)',
    maker: 'BitMaker (open source)',
    kind: 'home',
    hashrate: 50 * KH,
    watts: 1,
    released: '2023-08',
    source: 'BitMaker-hub/NerdMiner_v2 commit of 2023-08-03 ("Upgrade hashrate up to 50KHs")',
    confidence: 'high',
    basis: 'watts: "~1 W class", an order of magnitude, not a measurement; released: the commit that reached this rate',
  }),
  row({
    id: 'nerdminer-hw',
    name: 'NerdMiner v2 (ESP32, hardware SHA)',
    maker: 'BitMaker (open source)',
    kind: 'home',
    hashrate: 212 * KH,
    watts: 1,
    released: '2025-02',
    source: 'BitMaker-hub/NerdMiner_v2 commit of 2025-02-01 ("Increase hashrate ~212KH/s")',
    confidence: 'high',
    basis: 'watts: "~1 W class", an order of magnitude, not a measurement; released: the commit that reached this rate',
  }),

  // ---- GPUs (hashcat -b) -------------------------------------------------------------------------
  hashcat('rtx5090', 'NVIDIA RTX 5090', 'NVIDIA', 'gpu', { mode1400: 28_353.3 }, 575, '2025-01', "Chick3nman's hashcat 6.2.6 benchmark gist (quoted secondhand)", 'medium', `${BOARD_POWER}; released: NVIDIA's launch month`),
  hashcat('rtx4090', 'NVIDIA RTX 4090', 'NVIDIA', 'gpu', { mode1400: 21_975.5 }, 450, '2022-10', "Chick3nman's hashcat 6.2.6 benchmark gist, quoted in two repositories", 'high', `${BOARD_POWER}; released: NVIDIA's launch month`),
  hashcat('h100', 'NVIDIA H100 SXM5', 'NVIDIA', 'gpu', { mode1400: 16_165.9 }, 700, '2022-03', '8× H100 hashcat 6.2.6 benchmark gist (laluka), per GPU', 'high', `watts: "up to 700 W", the module's maximum board power, a spec, not a measurement; released: NVIDIA's announcement month (GTC 2022)`),
  hashcat('b200', 'NVIDIA B200', 'NVIDIA', 'gpu', { mode1400: 16_383.0 }, null, '2024-03', 'javydekoning/aws-hashcat (hashcat 7.1.2), per GPU', 'high', `${NO_POWER}; released: NVIDIA's announcement month (GTC 2024)`),
  hashcat('rtx3090', 'NVIDIA RTX 3090', 'NVIDIA', 'gpu', { mode1400: 9_713.2, mode21400: 4_389.9 }, 350, '2020-09', "Chick3nman's hashcat benchmark gist; analsec/hashcatbenchmark has 9,363 / 4,231.6 (hashcat 6.1.1)", 'high', `${BOARD_POWER}; released: NVIDIA's launch month`),
  hashcat('rtx3080', 'NVIDIA RTX 3080', 'NVIDIA', 'gpu', { mode1400: 6_966.4, mode21400: 3_469.1 }, 320, '2020-09', 'dosoos/hashcat_speeds (hashcat 6.1.1)', 'high', `${BOARD_POWER}; released: NVIDIA's launch month`),
  hashcat('rtx2080ti', 'NVIDIA RTX 2080 Ti', 'NVIDIA', 'gpu', { mode1400: 7_154.8 }, 250, '2018-09', 'analsec/hashcatbenchmark', 'medium', `${BOARD_POWER}; released: NVIDIA's launch month`),
  hashcat('rx6800xt', 'AMD RX 6800 XT', 'AMD', 'gpu', { mode1400: 8_772.1, mode21400: 4_015.3 }, 300, '2020-11', 'barelycompetent blog (hashcat 6.1.1); a benchmark-dump collection', 'medium', `${BOARD_POWER}; released: AMD's launch month`),
  hashcat('rx580', 'AMD RX 580', 'AMD', 'gpu', { mode1400: 1_669.6 }, 185, '2017-04', 'analsec/hashcatbenchmark', 'medium', `${BOARD_POWER}; released: AMD's launch month`),
  hashcat('m2ultra', 'Apple M2 Ultra (60-core GPU)', 'Apple', 'gpu', { mode1400: 4_148.7 }, null, '2023-06', 'Apple-silicon hashcat dumps (collection)', 'medium', `${NO_POWER}; released: Apple's announcement month`),
  hashcat('m4pro', 'Apple M4 Pro (16 MCU)', 'Apple', 'gpu', { mode1400: 1_431.6 }, null, '2024-10', 'hashcat 7.0.0 OpenCL dump (collection)', 'medium', `${NO_POWER}; released: Apple's announcement month`),
  hashcat('m1', 'Apple M1 (8-core GPU)', 'Apple', 'gpu', { mode1400: 300.0 }, null, '2020-11', 'Apple-silicon hashcat dumps (collection)', 'medium', `${NO_POWER}; released: Apple's announcement month`),
  hashcat('jetson-nano', 'NVIDIA Jetson Nano', 'NVIDIA', 'gpu', { mode1400: 68.8 }, 10, '2019-03', 'analsec/hashcatbenchmark', 'medium', `watts: the module's 10 W power mode, a spec, not a measurement; released: NVIDIA's announcement month (GTC 2019)`),

  // ---- CPUs --------------------------------------------------------------------------------------
  hashcat('i7-6700k', 'Intel Core i7-6700K (whole CPU, hashcat OpenCL)', 'Intel', 'cpu', { mode1400: 135.9 }, null, '2015-08', 'MikeLim7/hashcat benchmark notes', 'medium', `${NO_POWER}; released: Intel's launch month`),
  row({
    id: 'zen4-core',
    name: 'AMD Zen 4 core at 5.1 GHz (SHA extensions, one core)',
    maker: 'AMD',
    kind: 'cpu',
    hashrate: (81 / 2) * MH,
    watts: null,
    released: '2022-09',
    source: 'voidxno/fast-recursive-sha256 BENCHMARK.md',
    confidence: 'high',
    basis: `half of 81 MH/s compressions (3 interleaved streams; 38 MH/s with one), since a header hash with a cached midstate costs about two; native code, not a browser; ${NO_POWER}; released: the launch month of AMD's first Zen 4 desktop CPUs`,
  }),
  row({
    id: 'arrowlake-pcore',
    name: 'Intel Arrow Lake P-core (SHA extensions, one core)',
    maker: 'Intel',
    kind: 'cpu',
    hashrate: (111 / 2) * MH,
    watts: null,
    released: '2024-10',
    source: 'voidxno/fast-recursive-sha256 BENCHMARK.md',
    confidence: 'high',
    basis: `half of 111 MH/s compressions (interleaved streams; 52 MH/s with one), since a header hash with a cached midstate costs about two; native code, not a browser; ${NO_POWER}; released: the launch month of Intel's Core Ultra 200S (Arrow Lake) desktop CPUs`,
  }),
  row({
    id: 'cortex-a76',
    name: 'Arm Cortex-A76 at 2.4 GHz (ARMv8 SHA extensions, one core)',
    maker: 'Arm',
    kind: 'cpu',
    hashrate: (36.9 / 2) * MH,
    watts: null,
    released: '2018-05',
    source: 'voidxno/fast-recursive-sha256 BENCHMARK.md',
    confidence: 'high',
    basis: `half of 36.9 MH/s compressions (4 interleaved streams; 18.4 MH/s with one), since a header hash with a cached midstate costs about two; native code, not a browser; ${NO_POWER}; released: the month Arm announced the core`,
  }),
  row({
    id: 'epyc-cpuminer-thread',
    name: 'AMD EPYC, one thread (cpuminer sha256d, AVX2)',
    maker: 'AMD',
    kind: 'cpu',
    hashrate: 8 * MH,
    watts: null,
    released: '2026-12',
    source: 'cpuminer (pooler) --benchmark -a sha256d, measured on a machine like the one PoW Lab is built on, 2026-12',
    confidence: 'medium',
    basis: `about 8 M header hashes/s, one machine; ${NO_POWER}; released: the month of the measurement, not of the CPU`,
  }),
]);

const BY_ID = new Map(DEVICES.map((d) => [d.id, d]));

export function deviceById(id: string): DeviceProfile | undefined {
  return BY_ID.get(id);
}

/** J/TH, or null without a power figure. */
export function efficiencyJPerTH(device: Pick<DeviceProfile, 'hashrate' | 'watts'>): number | null {
  return device.watts === null ? null : device.watts / (device.hashrate / TH);
}

/** 'YYYY-MM' of an ISO date; this month when the date is missing or unreadable. */
function monthOf(date: string): string {
  return /^\d{4}-(0[1-9]|1[0-2])/.test(date) ? date.slice(0, 7) : new Date().toISOString().slice(0, 7);
}

/** This browser from the last benchmark: id 'this-browser', kind 'cpu', measured, watts as typed (null until then). */
export function browserDevice(m: { hashrate: number; threads: number; date: string }, watts: number | null): DeviceProfile {
  return {
    id: 'this-browser',
    name: `This browser (${m.threads} thread${m.threads === 1 ? '' : 's'})`,
    maker: 'you',
    kind: 'cpu',
    hashrate: m.hashrate,
    watts,
    released: monthOf(m.date),
    source: `measured by PoW Lab in this browser (the Benchmark screen${m.date ? `, ${m.date.slice(0, 10)}` : ''})`,
    confidence: 'high',
    basis: watts === null ? 'watts: not entered yet' : 'watts: as you typed them, not measured',
    measured: true,
  };
}

/** The words an adapter gives about itself, joined: what a catalogue GPU's name is looked for in. */
function adapterWords(adapter: AdapterFacts): string {
  return [adapter.vendor, adapter.architecture, adapter.device, adapter.description].join(' ').toLowerCase().replace(/[^a-z0-9]+/g, ' ');
}

/**
 * The catalogue's modeled GPU that this adapter names, if any: every word of the row's model (its
 * name without the maker and any parenthesis, e.g. "rtx 4090", "rx 6800 xt") must appear in what the
 * adapter says about itself. Browsers often hide the model (an empty description): then none.
 */
export function modeledGpuFor(adapter: AdapterFacts): DeviceProfile | undefined {
  const said = ` ${adapterWords(adapter)} `;
  const model = (d: DeviceProfile) =>
    d.name.replace(/\(.*\)/g, '').toLowerCase().replace(d.maker.toLowerCase(), '').replace(/[^a-z0-9]+/g, ' ').trim();
  const matches = DEVICES.filter((d) => d.kind === 'gpu' && !d.measured).filter((d) => {
    const words = model(d).split(' ').filter(Boolean);
    return words.length > 0 && words.every((w) => said.includes(` ${w} `));
  });
  // "rtx 3090" must not be taken for "rtx 3090 ti": the longest model that matches wins.
  return matches.sort((a, b) => model(b).length - model(a).length)[0];
}

/** This browser's GPU from its last WebGPU benchmark: id 'this-gpu', kind 'gpu', measured. */
export function gpuDevice(m: { hashrate: number; adapter: AdapterFacts; date: string }, watts: number | null): DeviceProfile {
  const named = [m.adapter.description || m.adapter.device, m.adapter.vendor, m.adapter.architecture].filter(Boolean);
  const modeled = modeledGpuFor(m.adapter);
  const ratio = modeled ? `; ${(100 * (m.hashrate / modeled.hashrate)).toFixed(0)}% of the catalogue's modeled ${modeled.name} (${modeled.basis?.split(';')[0] ?? 'modeled'})` : '';
  return {
    id: 'this-gpu',
    name: `This GPU (measured): ${named.join(', ') || 'unnamed adapter'}`,
    maker: 'you',
    kind: 'gpu',
    hashrate: m.hashrate,
    watts,
    released: monthOf(m.date),
    source: `measured by PoW Lab through WebGPU in this browser (the Benchmark screen${m.date ? `, ${m.date.slice(0, 10)}` : ''})`,
    confidence: 'high',
    basis: `${watts === null ? 'watts: not entered yet' : 'watts: as you typed them, not measured'}${ratio}`,
    measured: true,
  };
}

/** "firefox", "edge", "chrome", "safari" or "browser", from a user agent. */
function browserName(userAgent: string): string {
  if (/Firefox\//.test(userAgent)) return 'Firefox';
  if (/Edg\//.test(userAgent)) return 'Edge';
  if (/Chrom(e|ium)\//.test(userAgent)) return 'Chrome';
  if (/Safari\//.test(userAgent)) return 'Safari';
  return 'Browser';
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'device';
}

/** An imported benchmark result file as a measured row: id `measured-<slug of its name>-<date>`, name = its label or browser+cores. */
export function benchResultDevice(result: BenchResult, watts: number | null): DeviceProfile {
  const run = bestRun(result);
  const cores = result.device.cores;
  const name = result.label.trim() || `${browserName(result.device.userAgent)}${cores === null ? '' : `, ${cores} cores`}`;
  return {
    id: `measured-${slug(name)}-${slug(result.date)}`,
    name: result.backend === 'wasm' ? name : `${name} (${result.backend === 'webgpu' ? 'GPU, WebGPU' : 'CPU and GPU together'})`,
    maker: 'you',
    kind: result.backend === 'webgpu' ? 'gpu' : 'cpu',
    hashrate: run.hashrate,
    watts,
    released: monthOf(result.date),
    source: `benchmark result file (${result.app}, ${result.date.slice(0, 10)}, ${run.threads} thread${run.threads === 1 ? '' : 's'}${run.simd ? ', SIMD' : ''})`,
    confidence: 'high',
    basis: watts === null ? 'watts: not entered yet' : 'watts: as you typed them, not measured',
    measured: true,
  };
}

/**
 * Typical power of the devices a browser runs on: a hint beside the watts field, labelled typical,
 * not measured. The figures are vendors' rated package power (TDP), which a CPU can exceed or stay
 * below while hashing; the reference has no measured figure, and phones publish none.
 */
export const TYPICAL_WATTS: readonly { label: string; min: number; max: number; source: string }[] = Object.freeze([
  { label: 'thin laptop CPU (e.g. Intel Core i7-1165G7)', min: 12, max: 28, source: 'Intel ARK, Core i7-1165G7: configurable TDP-down 12 W, TDP-up 28 W (rated, not measured)' },
  { label: 'desktop CPU (Intel Core i7-6700K to AMD Ryzen 9 7950X)', min: 91, max: 170, source: 'Intel ARK, Core i7-6700K: TDP 91 W; AMD, Ryzen 9 7950X: default TDP 170 W (rated, not measured)' },
]);
