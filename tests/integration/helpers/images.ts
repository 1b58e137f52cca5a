import sharp from "sharp";

/** A real PNG of the given size, as a browser would upload it. */
export async function pngFile(name = "avatar.png", width = 400, height = 300): Promise<File> {
  const data = await sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .png()
    .toBuffer();
  return new File([new Uint8Array(data)], name, { type: "image/png" });
}

export function formData(fields: Record<string, string | File | undefined>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) fd.append(k, v);
  return fd;
}
