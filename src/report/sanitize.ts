/**
 * Makes text from input files safe to print on a terminal: C0/C1 control characters (other than
 * a newline where allowed), DEL and bidirectional overrides are shown as \u{…} escapes, so a
 * file name or a quotation can never move the cursor, change colours or reorder a line.
 */
export function terminalSafe(text: string, allowNewline = false): string {
  return text.replace(UNSAFE, (ch) => (allowNewline && ch === '\n' ? ch : `\\u{${(ch.codePointAt(0) ?? 0).toString(16)}}`));
}

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** JSON.stringify leaves DEL, C1 controls and bidi overrides raw; escaping them keeps valid JSON. */
export function jsonSafe(json: string): string {
  return json.replace(/[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, (ch) => `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}
