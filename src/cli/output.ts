// One place decides how results leave the CLI: a single JSON object with --json, readable lines without.

export interface Output {
  json: boolean;
  /** Prints the result: JSON as is, or the text lines made from it. */
  result(value: object, text: () => string[]): void;
  /** A transient status line on stderr, only when stderr is a terminal. */
  progress(line: string): void;
  endProgress(): void;
}

export function createOutput(json: boolean): Output {
  const tty = process.stderr.isTTY === true;
  let shown = false;
  return {
    json,
    result(value, text) {
      process.stdout.write(json ? `${JSON.stringify(value)}\n` : `${text().join('\n')}\n`);
    },
    progress(line) {
      if (!tty) return;
      process.stderr.write(`\r\x1b[2K${line}`);
      shown = true;
    },
    endProgress() {
      if (shown) process.stderr.write('\r\x1b[2K');
      shown = false;
    },
  };
}

/** 4_180_000 -> "4.18 MH/s". */
export function formatRate(hashesPerSecond: number): string {
  const units = ['H/s', 'kH/s', 'MH/s', 'GH/s', 'TH/s', 'PH/s', 'EH/s'];
  let value = hashesPerSecond;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 2 : value < 100 ? 1 : 0)} ${units[unit]}`;
}
