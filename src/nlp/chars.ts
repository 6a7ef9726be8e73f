// Character tests by UTF-16 code unit, for the scanners that stand in for a regex (docs/profile.md,
// decision 015): each answers exactly what the regex class it replaces answers.

/**
 * Whether the UTF-16 code unit c is white space to \s (the WhiteSpace and LineTerminator characters;
 * tested against /\s/u on every code unit). False for NaN (past the end of a string).
 */
export function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
