// Test support: small pictures made on the spot with sharp, in every format the library meets.
import sharp from 'sharp';

const plain = (width: number, height: number, colour = { r: 180, g: 40, b: 30 }) =>
  sharp({ create: { width, height, channels: 3, background: colour } });

/** A JPEG carrying EXIF with a camera make, GPS position and orientation 6 (shown turned by 90°). */
export function jpegWithGps(width = 40, height = 20): Promise<Buffer> {
  return plain(width, height)
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'SnoopCam', Model: 'Tracker 3000', Copyright: 'Someone' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 2400/100', GPSLongitudeRef: 'E', GPSLongitude: '2/1 21/1 0/1' },
    })
    .toBuffer();
}

export function pngImage(width = 30, height = 20, colour?: { r: number; g: number; b: number }): Promise<Buffer> {
  return plain(width, height, colour).png().toBuffer();
}

export function imageAs(format: 'jpeg' | 'png' | 'webp' | 'gif' | 'avif' | 'tiff', width = 24, height = 16): Promise<Buffer> {
  return plain(width, height).toFormat(format).toBuffer();
}

/** A two-frame animated GIF. */
export async function animatedGif(): Promise<Buffer> {
  const frame = await plain(10, 10).raw().toBuffer();
  const other = await plain(10, 10, { r: 0, g: 0, b: 200 }).raw().toBuffer();
  return sharp(Buffer.concat([frame, other]), { raw: { width: 10, height: 20, channels: 3, pageHeight: 10 } as never }).gif({ loop: 0 }).toBuffer();
}

export const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>');

/** True when EXIF bytes contain a GPS IFD pointer (tag 0x8825, either byte order). */
export function hasGpsPointer(exif: Buffer | undefined): boolean {
  return !!exif && (exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88])));
}
