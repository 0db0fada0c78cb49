// Modelled SHA-256d device profiles, as data, each with its source and how far to trust it
// (../shared/reference/devices.md gathers the sources). Hashrates are header hashes per second.
//
// ASICs: hashrate and power from the Cambridge Bitcoin Electricity Consumption Index miners list
// (CBECI) and the retailer or review pages named. "derived" figures are computed from the other two.
// GPUs and CPUs: hashcat -b rates. Mode 1400 is one SHA-256 of a short input, one compression per
// candidate; a header hash with a cached midstate costs two, so the header rate is taken as the
// mode-1400 rate / 2 (mode 21400, two compressions, is used directly where published). hashcat
// reports no power: the watts are the board power (TDP) of the card or chip, not a measurement.

export type DeviceKind = 'asic' | 'gpu' | 'cpu';
export type Confidence = 'high' | 'medium' | 'low';

export interface DeviceProfile {
  id: string;
  name: string;
  kind: DeviceKind;
  /** Header hashes per second. */
  hashrate: number;
  /** Watts at the wall (ASICs) or board power (GPUs, CPUs); null when unknown. */
  watts: number | null;
  released: string;
  source: string;
  confidence: Confidence;
  note?: string;
}

const TH = 1e12;
const MH = 1e6;

function asic(id: string, name: string, terahash: number, watts: number, released: string, source: string, confidence: Confidence, note?: string): DeviceProfile {
  return { id, name, kind: 'asic', hashrate: terahash * TH, watts, released, source, confidence, ...(note ? { note } : {}) };
}

function hashcat(id: string, name: string, kind: DeviceKind, mode1400MHs: number, tdp: number, source: string, mode21400MHs?: number): DeviceProfile {
  const rate = mode21400MHs !== undefined ? mode21400MHs * MH : (mode1400MHs * MH) / 2;
  return {
    id,
    name,
    kind,
    hashrate: rate,
    watts: tdp,
    released: '',
    source,
    confidence: 'low',
    note:
      mode21400MHs !== undefined
        ? `hashcat mode 21400 (two compressions, like a header hash with cached midstate): ${mode21400MHs} MH/s; watts are board power (TDP), not measured`
        : `hashcat mode 1400 ${mode1400MHs} MH/s halved for two compressions per header hash; watts are board power (TDP), not measured`,
  };
}

export const DEVICES: readonly DeviceProfile[] = Object.freeze([
  asic('s9', 'Bitmain Antminer S9 (13.5 TH bin)', 13.5, 1323, '2017-09', 'Cambridge CBECI miners.csv (efficiency 98 J/TH, date); asics-tools wattage list', 'high'),
  asic('s17', 'Bitmain Antminer S17', 56, 2520, '2019-04', 'CBECI miners.csv (45 J/TH); watts derived', 'high', 'watts derived from 45 J/TH'),
  asic('s19', 'Bitmain Antminer S19', 95, 3250, '2020-05', 'CBECI; miningstore S19 guide', 'high'),
  asic('s19pro', 'Bitmain Antminer S19 Pro', 110, 3250, '2020-05', 'CBECI; Zeus Mining review', 'high'),
  asic('s19xp', 'Bitmain Antminer S19 XP', 140, 3010, '2022', 'miningstore; asics-tools', 'high'),
  asic('s21', 'Bitmain Antminer S21', 200, 3500, '2023-09', 'ViaBTC blog; retailer sheets', 'high'),
  asic('s21hyd', 'Bitmain Antminer S21 Hyd', 335, 5360, '2023-09', 'ViaBTC blog (16 J/TH); watts derived', 'medium', 'watts derived from 16 J/TH'),
  asic('s21pro', 'Bitmain Antminer S21 Pro', 234, 3531, '2024', 'retailer page (another sheet says 245 TH/s)', 'low'),
  asic('s21xp', 'Bitmain Antminer S21 XP', 270, 3645, '2024', 'retailer ROI page (13.5 J/TH); watts derived', 'medium', 'watts derived from 13.5 J/TH'),
  asic('a1466', 'Canaan Avalon A1466', 150, 3230, '2023', 'D-Central troubleshooting page', 'medium'),
  asic('a16xp', 'Canaan Avalon A16XP', 300, 3850, '2025-10', 'Hashrate Index hardware review (12.8 J/TH)', 'medium'),
  hashcat('rtx4090', 'NVIDIA RTX 4090', 'gpu', 21_975.5, 450, "Chick3nman's public hashcat 6.2.6 benchmark gist"),
  hashcat('rtx3090', 'NVIDIA RTX 3090', 'gpu', 9_363.0, 350, 'analsec/hashcatbenchmark Nvidia/rtx_3090.txt (hashcat 6.1.1, CUDA)', 4_231.6),
  hashcat('rtx2080ti', 'NVIDIA RTX 2080 Ti', 'gpu', 7_154.8, 250, 'analsec/hashcatbenchmark'),
  hashcat('rtx2070s', 'NVIDIA RTX 2070 SUPER', 'gpu', 4_785.5, 215, 'analsec/hashcatbenchmark'),
  hashcat('rtx2060', 'NVIDIA RTX 2060', 'gpu', 3_439.3, 160, 'analsec/hashcatbenchmark'),
  hashcat('rx6800xt', 'AMD RX 6800 XT', 'gpu', 8_772.1, 300, 'bigpick/barelycompetent blog post (hashcat 6.1.1, OpenCL)'),
  hashcat('rx580', 'AMD RX 580', 'gpu', 1_669.6, 185, 'analsec/hashcatbenchmark'),
  hashcat('jetson-nano', 'NVIDIA Jetson Nano (ARM SoC)', 'gpu', 68.8, 10, 'analsec/hashcatbenchmark'),
  hashcat('i7-6700k', 'Intel Core i7-6700K (CPU, OpenCL)', 'cpu', 135.9, 91, 'MikeLim7/hashcat benchmark notes'),
]);

export function deviceById(id: string): DeviceProfile | undefined {
  return DEVICES.find((d) => d.id === id);
}

/** J/TH, or null without a power figure. */
export function efficiencyJPerTH(device: Pick<DeviceProfile, 'hashrate' | 'watts'>): number | null {
  return device.watts === null ? null : device.watts / (device.hashrate / TH);
}

/** A profile for this browser's measured rate (watts as the user gives them). */
export function measuredDevice(hashrate: number, watts: number | null, threads: number, date: string): DeviceProfile {
  return {
    id: 'this-browser',
    name: `This browser (${threads} thread${threads === 1 ? '' : 's'})`,
    kind: 'cpu',
    hashrate,
    watts,
    released: date,
    source: 'measured by PoW Lab in this browser (the Benchmark screen)',
    confidence: 'high',
  };
}
