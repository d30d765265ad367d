// Draws the demo's pictures at init time: abstract SVG compositions (gradients, circles, waves) rendered
// to JPEG by sharp. Deterministic: the same key always gives the same picture.
import { existsSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import type { ImageRef } from '../domain/types.ts';
import type { Theme } from './content/types.ts';

const PALETTES: Record<Theme, { bg: [string, string]; accents: string[] }> = {
  river: { bg: ['#0b3954', '#4f9db8'], accents: ['#f2c14e', '#bfd7ea', '#087e8b', '#e8f1f2'] },
  town: { bg: ['#7a4e2d', '#e0a458'], accents: ['#f4e3b1', '#c8553d', '#2d4739', '#fff8e7'] },
  culture: { bg: ['#7b2d26', '#f08a4b'], accents: ['#ffd166', '#3d5a80', '#f7ede2', '#2a9d8f'] },
  science: { bg: ['#2b2d5c', '#7b6cd9'], accents: ['#9ef0f0', '#f6f7d7', '#e76f51', '#c3bef0'] },
  green: { bg: ['#1f4d2b', '#8cbf5a'], accents: ['#f2e86d', '#c44536', '#e9f5db', '#4a7c59'] },
  night: { bg: ['#0d1b2a', '#33415c'], accents: ['#ffb703', '#e0e1dd', '#fb8500', '#8ecae6'] },
};

/** A small seeded random generator (mulberry32), seeded from a string. */
function random(seed: string): () => number {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
  return () => {
    h = (h + 0x6d2b79f5) | 0;
    let t = Math.imul(h ^ (h >>> 15), 1 | h);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const f = (n: number) => n.toFixed(1);

export function articleSvg(key: string, theme: Theme, width = 1200, height = 675): string {
  const rnd = random(key);
  const { bg, accents } = PALETTES[theme];
  const pick = () => accents[Math.floor(rnd() * accents.length)];
  const shapes: string[] = [];
  for (let i = 0, n = 3 + Math.floor(rnd() * 4); i < n; i++)
    shapes.push(`<circle cx="${f(rnd() * width)}" cy="${f(rnd() * height * 0.7)}" r="${f(40 + rnd() * 200)}" fill="${pick()}" fill-opacity="${f(0.25 + rnd() * 0.5)}"/>`);
  if (theme === 'night')
    for (let i = 0; i < 60; i++)
      shapes.push(`<circle cx="${f(rnd() * width)}" cy="${f(rnd() * height * 0.6)}" r="${f(1 + rnd() * 3)}" fill="#ffffff" fill-opacity="${f(0.4 + rnd() * 0.6)}"/>`);
  if (theme === 'town' || theme === 'science')
    for (let i = 0, n = 2 + Math.floor(rnd() * 3); i < n; i++)
      shapes.push(
        `<rect x="${f(rnd() * width)}" y="${f(rnd() * height * 0.6)}" width="${f(80 + rnd() * 260)}" height="${f(60 + rnd() * 220)}" rx="${f(rnd() * 24)}" fill="${pick()}" fill-opacity="${f(0.3 + rnd() * 0.4)}" transform="rotate(${f(rnd() * 30 - 15)})"/>`,
      );
  for (let i = 0, n = 2 + Math.floor(rnd() * 2); i < n; i++) {
    const y = height * (0.55 + i * 0.13 + rnd() * 0.08);
    const a = y - 60 + rnd() * 120;
    const b = y - 60 + rnd() * 120;
    shapes.push(
      `<path d="M0 ${f(y)} C ${f(width * 0.3)} ${f(a)} ${f(width * 0.6)} ${f(b)} ${width} ${f(y - 30 + rnd() * 60)} L${width} ${height} L0 ${height}Z" fill="${pick()}" fill-opacity="${f(0.35 + rnd() * 0.35)}"/>`,
    );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<defs><linearGradient id="bg" x1="0" y1="0" x2="${f(0.3 + rnd() * 0.7)}" y2="1"><stop offset="0" stop-color="${bg[0]}"/><stop offset="1" stop-color="${bg[1]}"/></linearGradient></defs>
<rect width="${width}" height="${height}" fill="url(#bg)"/>
${shapes.join('\n')}
</svg>`;
}

/** An abstract head-and-shoulders silhouette on a gradient: a stand-in for an author's photo. */
export function portraitSvg(key: string, theme: Theme, size = 480): string {
  const rnd = random(key);
  const { bg, accents } = PALETTES[theme];
  const tone = accents[Math.floor(rnd() * accents.length)];
  const extra: string[] = [];
  for (let i = 0; i < 3; i++)
    extra.push(`<circle cx="${f(rnd() * size)}" cy="${f(rnd() * size)}" r="${f(30 + rnd() * 110)}" fill="${accents[i]}" fill-opacity="0.25"/>`);
  const c = size / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
<defs><radialGradient id="bg" cx="0.35" cy="0.3" r="0.9"><stop offset="0" stop-color="${bg[1]}"/><stop offset="1" stop-color="${bg[0]}"/></radialGradient></defs>
<rect width="${size}" height="${size}" fill="url(#bg)"/>
${extra.join('\n')}
<circle cx="${c}" cy="${f(size * 0.4)}" r="${f(size * 0.17)}" fill="${tone}" fill-opacity="0.9"/>
<path d="M${f(size * 0.16)} ${size} C ${f(size * 0.18)} ${f(size * 0.68)} ${f(size * 0.82)} ${f(size * 0.68)} ${f(size * 0.84)} ${size} Z" fill="${tone}" fill-opacity="0.9"/>
</svg>`;
}

export interface Picture {
  /** File name under the media folder. */
  file: string;
  svg: string;
  width: number;
  height: number;
}

/**
 * Renders pictures to JPEG files under mediaDir, in parallel (sharp uses its own threads). File names carry
 * a hash of their drawing, so a file that exists is already right and is kept. Returns how many were drawn.
 */
export async function renderPictures(mediaDir: string, pictures: Picture[]): Promise<number> {
  const todo = pictures.filter((p) => !existsSync(join(mediaDir, p.file)));
  const dirs = new Set(todo.map((p) => dirname(join(mediaDir, p.file))));
  await Promise.all([...dirs].map((d) => mkdir(d, { recursive: true })));
  await Promise.all(
    todo.map(async (p) => {
      const target = join(mediaDir, p.file);
      // Written under a temporary name first: an interrupted init never leaves a half-written picture behind.
      await sharp(Buffer.from(p.svg)).jpeg({ quality: 80, progressive: true }).toFile(`${target}.part`);
      await rename(`${target}.part`, target);
    }),
  );
  return todo.length;
}

export function imageRef(p: Picture, alt: string, credit: string): ImageRef {
  return { file: p.file, alt, credit, width: p.width, height: p.height };
}
