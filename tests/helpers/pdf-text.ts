import { inflateSync } from "node:zlib";

// The text a PDF made by pdfkit shows, for tests: each content stream inflated, each TJ/Tj
// operator's hex strings decoded (pdfkit's built-in fonts use WinAnsi, which is Latin-1 for the
// letters tests use), one line per text-showing operator.

export function pdfText(bytes: Uint8Array): string {
  const source = Buffer.from(bytes).toString("latin1");
  const lines: string[] = [];
  for (const match of source.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1] ?? "", "latin1")).toString("latin1");
    } catch {
      continue; // an image or another binary stream
    }
    for (const shown of content.matchAll(/\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      const hexes =
        shown[1] !== undefined ? [...shown[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]) : [shown[2]];
      lines.push(hexes.map((hex) => Buffer.from(hex ?? "", "hex").toString("latin1")).join(""));
    }
  }
  return lines.join("\n");
}
