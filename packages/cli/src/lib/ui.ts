import { styleText } from 'node:util';

type Format = Parameters<typeof styleText>[0];
export type Tone = 'ok' | 'warn' | 'fail' | 'info' | 'dim' | 'bold';

const FORMATS: Record<Tone, Format> = {
  ok: 'green',
  warn: 'yellow',
  fail: 'red',
  info: 'cyan',
  dim: 'dim',
  bold: 'bold',
};

/** `1 problem`, `2 problems`. */
export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const MARKS = { ok: '✓', warn: '!', fail: '✗', info: '→' } as const;

/**
 * How a command talks to the user. Results go to stdout, progress and notes to stderr (so stdout can be
 * piped: `ultron backup app | kubectl apply -f -`). Colour only where the stream is a TTY: styleText checks
 * the stream itself and honours NO_COLOR / FORCE_COLOR.
 */
export class Ui {
  readonly json: boolean;

  constructor(options: { json?: boolean } = {}) {
    this.json = options.json ?? false;
  }

  /** Prompts and spinners only for a person at a terminal; never in CI or when the output is machine-read. */
  get interactive(): boolean {
    return Boolean(process.stdin.isTTY && process.stdout.isTTY && !this.json && !process.env.CI);
  }

  paint(tone: Tone, text: string, stream: NodeJS.WriteStream = process.stdout): string {
    return styleText(FORMATS[tone], text, { stream });
  }

  /** One line of the command's result. */
  out(text = ''): void {
    process.stdout.write(`${text}\n`);
  }

  /** One line of progress or advice, kept off stdout. */
  note(text = ''): void {
    process.stderr.write(`${text}\n`);
  }

  mark(tone: keyof typeof MARKS, text: string, stream: 'out' | 'note' = 'out'): void {
    const target = stream === 'out' ? process.stdout : process.stderr;
    const line = `${this.paint(tone, MARKS[tone], target)} ${text}`;
    if (stream === 'out') this.out(line);
    else this.note(line);
  }

  printJson(value: unknown): void {
    this.out(JSON.stringify(value, null, 2));
  }

  /**
   * Runs a slow step behind a spinner on a terminal, silently elsewhere. @clack/prompts is imported only
   * here, so commands that never show a spinner never load it.
   */
  async task<T>(label: string, run: () => Promise<T> | T): Promise<T> {
    if (!process.stderr.isTTY || this.json || process.env.CI) return run();
    const { spinner } = await import('@clack/prompts');
    const s = spinner({ output: process.stderr, indicator: 'timer' });
    s.start(label);
    try {
      const result = await run();
      s.stop(label);
      return result;
    } catch (error) {
      s.error(label);
      throw error;
    }
  }
}
