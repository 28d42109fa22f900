/**
 * CSV the platform writes (the template, the row-by-row report) for people to open in a
 * spreadsheet. Values come from uploaded files, so a cell like `=HYPERLINK("http://evil", "x")`
 * must stay text: a value a spreadsheet would run as a formula gets a leading apostrophe, which
 * Excel and LibreOffice read as "this is text" and do not show (OWASP "CSV injection").
 */

// A formula starts with one of these; tab and carriage return because some spreadsheets trim
// them first and then see the formula.
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** One cell, neutralised and quoted when it needs to be. */
export function csvCell(value: string | number | null | undefined, delimiter = ';'): string {
  if (value === null || value === undefined) {
    return '';
  }

  let text = String(value);

  if (typeof value === 'string' && FORMULA_START.test(text)) {
    text = `'${text}`;
  }

  const needsQuotes =
    text.includes(delimiter) || text.includes('"') || text.includes('\n') || text.includes('\r');

  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A whole CSV document: `;`-separated as Russian-locale Excel expects, CRLF line ends, and a
 * byte-order mark so Excel reads the Cyrillic as UTF-8.
 */
export function toCsv(rows: readonly (readonly (string | number | null)[])[], delimiter = ';') {
  const lines = rows.map((row) => row.map((cell) => csvCell(cell, delimiter)).join(delimiter));

  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
