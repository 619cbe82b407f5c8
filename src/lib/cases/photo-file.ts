/** The database keeps photos up to 1 MB; a phone photo is resized and compressed to fit well under it. */
const MAX_SIDE = 1600;
const MAX_BYTES = 900_000;

/** A picked image file as a JPEG of at most 1600 px a side, base64 for the database. */
export async function compressPhoto(file: Blob): Promise<{ mime: 'image/jpeg'; base64: string }> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  for (let quality = 0.82; ; quality -= 0.15) {
    const blob = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser could not encode the photo'))), 'image/jpeg', quality),
    );
    if (blob.size <= MAX_BYTES || quality < 0.3) return { mime: 'image/jpeg', base64: await toBase64(blob) };
  }
}

async function toBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
