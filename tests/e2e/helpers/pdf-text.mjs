// Prints the text of a PDF file (one line per page), with Mozilla's pdf.js: run as a child process so the
// test runner never loads pdf.js's ES modules and worker itself. Usage: node pdf-text.mjs file.pdf
import fs from "node:fs";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const data = new Uint8Array(fs.readFileSync(process.argv[2]));
const doc = await getDocument({ data, disableFontFace: true, useSystemFonts: false, isEvalSupported: false }).promise;
for (let i = 1; i <= doc.numPages; i++) {
  const page = await doc.getPage(i);
  const content = await page.getTextContent();
  process.stdout.write(content.items.map((item) => ("str" in item ? item.str : "")).join(" ") + "\n");
}
