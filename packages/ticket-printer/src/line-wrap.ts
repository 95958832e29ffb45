/**
 * Breaks text into lines of at most `columns` characters, at spaces where it can and inside a
 * word only when the word alone is too long. The printer would wrap by itself, but in the
 * middle of a word and without knowing where our centred lines begin.
 */
export function wrapToColumns(text: string, columns: number): string[] {
  if (!Number.isInteger(columns) || columns < 1) throw new RangeError(`columns must be a positive integer, got ${columns}`);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter((w) => w.length > 0)) {
    let rest = word;
    if (line.length > 0 && line.length + 1 + rest.length <= columns) {
      line += ` ${rest}`;
      continue;
    }
    if (line.length > 0) lines.push(line);
    while (rest.length > columns) {
      lines.push(rest.slice(0, columns));
      rest = rest.slice(columns);
    }
    line = rest;
  }
  if (line.length > 0) lines.push(line);
  return lines;
}
