import iconv from 'iconv-lite';

// Characters people paste from word processors that CP866 lacks, with the nearest it has.
// Without this, node-thermal-printer would hunt for another code page that has them and
// switch the printer to it with Epson's numbering, which a clone may read as anything.
const STAND_INS: Record<string, string> = {
  '«': '"', '»': '"', '„': '"', '“': '"', '”': '"', '″': '"',
  '‘': "'", '’': "'", '‚': "'", '′': "'",
  '‐': '-', '‑': '-', '‒': '-', '–': '-', '—': '-', '―': '-', '−': '-',
  '…': '...', '•': '*', '·': '.',
  '₽': 'руб.', '€': 'EUR',
  '\u00a0': ' ', '\u2007': ' ', '\u2009': ' ', '\u202f': ' ', '\u200b': '',
  'є': 'е', 'Є': 'Е', 'і': 'i', 'І': 'I', 'ї': 'i', 'Ї': 'I', 'ґ': 'г', 'Ґ': 'Г',
};

const encodable = new Map<string, boolean>();

/** Whether CP866 has this character: iconv answers '?' for what it cannot encode. */
export function isCp866Encodable(char: string): boolean {
  let known = encodable.get(char);
  if (known === undefined) {
    const bytes = iconv.encode(char, 'cp866');
    known = char === '?' || !bytes.includes(0x3f);
    encodable.set(char, known);
  }
  return known;
}

/**
 * Text a CP866 printer prints as written: one line, no control bytes (which a printer would
 * take for commands), look-alikes for typographic marks, '?' for anything else.
 */
export function toCp866Printable(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    const standIn = STAND_INS[char];
    if (standIn !== undefined) out += standIn;
    else if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(char)) out += ' ';
    else out += isCp866Encodable(char) ? char : '?';
  }
  return out.replace(/ {2,}/g, ' ').trim();
}
