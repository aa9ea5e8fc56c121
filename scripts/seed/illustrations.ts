import type { Motif } from "./data";

// Simple generated pictures for the demo products: a coloured ground and a motif drawn from
// shapes (no text, no downloads). `rand` keeps each one different yet the same on every run.

const W = 800;
const H = 600;

function weave(a: string, b: string) {
  const rows: string[] = [];
  for (let y = 120; y < 480; y += 40) {
    for (let x = 200; x < 600; x += 40) {
      const on = ((x + y) / 40) % 2 === 0;
      rows.push(`<rect x="${x}" y="${y}" width="38" height="38" rx="6" fill="${on ? a : b}"/>`);
    }
  }
  return `<ellipse cx="400" cy="300" rx="230" ry="210" fill="${b}" opacity="0.25"/>${rows.join("")}`;
}

function knit(a: string, b: string) {
  const loops: string[] = [];
  for (let y = 140; y < 470; y += 36) {
    for (let x = 230; x < 570; x += 34) {
      loops.push(
        `<path d="M${x} ${y} q17 30 34 0" stroke="${b}" stroke-width="10" fill="none" stroke-linecap="round"/>`,
      );
    }
  }
  return `<rect x="210" y="110" width="380" height="380" rx="60" fill="${a}"/>${loops.join("")}`;
}

function mat(a: string, b: string) {
  const rings = [200, 160, 120, 80, 40]
    .map((r, i) => `<circle cx="400" cy="300" r="${r}" fill="${i % 2 === 0 ? a : b}"/>`)
    .join("");
  return rings;
}

function jar(a: string, b: string) {
  return `<rect x="300" y="170" width="200" height="300" rx="40" fill="${a}" stroke="${b}" stroke-width="12"/>
    <rect x="320" y="130" width="160" height="50" rx="12" fill="${b}"/>
    <rect x="330" y="280" width="140" height="90" rx="14" fill="#ffffff" opacity="0.85"/>`;
}

function chips(a: string, b: string, rand: () => number) {
  const pieces: string[] = [];
  for (let i = 0; i < 14; i++) {
    const x = 240 + rand() * 320;
    const y = 160 + rand() * 280;
    const r = 40 + rand() * 30;
    pieces.push(
      `<ellipse cx="${x.toFixed(0)}" cy="${y.toFixed(0)}" rx="${r.toFixed(0)}" ry="${(r * 0.7).toFixed(0)}" fill="${i % 3 === 0 ? b : a}" transform="rotate(${(rand() * 180).toFixed(0)} ${x.toFixed(0)} ${y.toFixed(0)})"/>`,
    );
  }
  return `<ellipse cx="400" cy="330" rx="250" ry="170" fill="#ffffff" opacity="0.5"/>${pieces.join("")}`;
}

function block(a: string, b: string) {
  const blocks: string[] = [];
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      blocks.push(
        `<rect x="${250 + i * 105}" y="${160 + j * 100}" width="95" height="88" rx="14" fill="${(i + j) % 2 ? a : b}"/>`,
      );
    }
  }
  return blocks.join("");
}

function cake(a: string, b: string) {
  return [0, 1, 2, 3, 4]
    .map((i) => {
      const x = 250 + (i % 3) * 120 + (i > 2 ? 60 : 0);
      const y = i > 2 ? 330 : 200;
      return `<path d="M${x} ${y + 80} l20 -80 h60 l20 80 z" fill="${a}"/><ellipse cx="${x + 50}" cy="${y}" rx="34" ry="14" fill="${b}"/>`;
    })
    .join("");
}

function berry(a: string, b: string, rand: () => number) {
  const fruits: string[] = [];
  for (let i = 0; i < 9; i++) {
    const x = 260 + (i % 3) * 120 + rand() * 20;
    const y = 180 + Math.floor(i / 3) * 110 + rand() * 20;
    fruits.push(
      `<path d="M${x} ${y} q50 -10 100 0 q-20 90 -50 100 q-30 -10 -50 -100z" fill="${a}"/><path d="M${x + 30} ${y - 2} l20 -22 l20 22z" fill="${b}"/>`,
    );
  }
  return fruits.join("");
}

function leaf(a: string, b: string) {
  return [0, 1, 2, 3, 4, 5]
    .map((i) => {
      const angle = i * 60;
      return `<ellipse cx="400" cy="210" rx="60" ry="120" fill="${i % 2 ? a : b}" transform="rotate(${angle} 400 300)"/>`;
    })
    .join("");
}

export function productIllustration(motif: Motif, colors: [string, string], rand: () => number): string {
  const [a, b] = colors;
  const body =
    motif === "weave"
      ? weave(a, b)
      : motif === "knit"
        ? knit(a, b)
        : motif === "mat"
          ? mat(a, b)
          : motif === "jar"
            ? jar(a, b)
            : motif === "chips"
              ? chips(a, b, rand)
              : motif === "block"
                ? block(a, b)
                : motif === "cake"
                  ? cake(a, b)
                  : motif === "berry"
                    ? berry(a, b, rand)
                    : leaf(a, b);
  const hue = Math.floor(rand() * 360);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},45%,94%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360},40%,84%)"/></linearGradient></defs>
    <rect width="${W}" height="${H}" fill="url(#g)"/>${body}</svg>`;
}

export function groupIllustration(colors: [string, string]): string {
  const [a, b] = colors;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
    <rect width="${W}" height="${H}" fill="#e9f2ea"/><path d="M0 420 q200 -120 400 -40 t400 -20 v240 h-800z" fill="${a}"/>
    ${[0, 1, 2, 3, 4].map((i) => `<circle cx="${220 + i * 90}" cy="300" r="34" fill="${b}"/><rect x="${190 + i * 90}" y="336" width="60" height="90" rx="26" fill="${b}"/>`).join("")}</svg>`;
}
