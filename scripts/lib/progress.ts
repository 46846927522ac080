/**
 * Progress for CLIs (`npm run report:weekly`, `npm run marketing:cycle`, ...). On a terminal,
 * one line redrawn in place with `\r`:
 *
 *   weekly report [████████░░░░░░░░░░░░]  40% computing figures
 *
 * Otherwise (piped, CI, a test spawning the CLI) plain lines, one per change:
 *
 *   weekly report: 40% computing figures
 *
 *   const progress = createProgress('weekly report');
 *   progress.update(40, 'computing figures');
 *   progress.done();
 */
export type ProgressStream = Pick<NodeJS.WriteStream, 'write'> & { isTTY?: boolean; columns?: number };

export type Progress = {
  update(pct: number, step: string): void;
  /** Ends the line on a terminal (after the last update); idempotent. */
  done(): void;
};

const BAR_WIDTH = 20;

export function createProgress(label: string, options: { stream?: ProgressStream } = {}): Progress {
  const stream = options.stream ?? process.stdout;
  const tty = Boolean(stream.isTTY);
  let last = '';
  let drawn = false;
  let finished = false;

  return {
    update(pct, step) {
      if (finished) return;
      const p = Math.max(0, Math.min(100, Math.round(Number.isFinite(pct) ? pct : 0)));
      if (tty) {
        const filled = Math.round((p / 100) * BAR_WIDTH);
        let line = `${label} [${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}] ${String(p).padStart(3)}% ${step}`;
        if (stream.columns && line.length >= stream.columns) line = line.slice(0, stream.columns - 1);
        if (line === last) return;
        // \x1b[K clears what a longer previous line left behind.
        stream.write(`\r${line}\x1b[K`);
        drawn = true;
        last = line;
      } else {
        const line = `${label}: ${p}% ${step}`;
        if (line === last) return;
        stream.write(`${line}\n`);
        last = line;
      }
    },
    done() {
      if (finished) return;
      finished = true;
      if (tty && drawn) stream.write('\n');
    },
  };
}
