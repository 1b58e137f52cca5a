import { detectContentType } from "@/lib/storage/file-check";
import { contentDisposition } from "@/lib/storage/content-disposition";
import { fileExtension } from "@/lib/validation/tickets";

const bytes = (...b: number[]) => new Uint8Array(b);
const text = (s: string) => new TextEncoder().encode(s);

describe("magic bytes must match the extension", () => {
  it.each([
    ["png", bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0), "image/png"],
    ["jpg", bytes(0xff, 0xd8, 0xff, 0xe0), "image/jpeg"],
    ["gif", text("GIF89a...."), "image/gif"],
    ["webp", text("RIFF\0\0\0\0WEBPVP8 "), "image/webp"],
    ["pdf", text("%PDF-1.7\n"), "application/pdf"],
    ["docx", bytes(0x50, 0x4b, 0x03, 0x04, 0x14), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["xls", bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), "application/vnd.ms-excel"],
    ["csv", text("no;nama\n1;Budi\n"), "text/csv; charset=utf-8"],
  ])("accepts a real .%s", (ext, head, mime) => {
    expect(detectContentType(ext, head)).toBe(mime);
  });

  it.each([
    ["png", text("<?php system($_GET['c']); ?>")],
    ["jpg", text("%PDF-1.4")],
    ["webp", text("RIFF\0\0\0\0AVI LIST")],
    ["pdf", bytes(0x4d, 0x5a, 0x90, 0x00)],
    ["txt", text("<html><script>alert(1)</script>")],
    ["txt", text("hello <svg onload=alert(1)>")],
    ["txt", bytes(0x68, 0x00, 0x69)],
    ["txt", bytes(0xc3, 0x28)],
    ["svg", text("<svg/>")],
    ["exe", bytes(0x4d, 0x5a)],
  ])("refuses .%s with the wrong content", (ext, head) => {
    expect(detectContentType(ext, head)).toBeNull();
  });
});

describe("Content-Disposition (RFC 6266)", () => {
  it("gives an ASCII fallback and the exact UTF-8 name", () => {
    expect(contentDisposition("laporan akhir.pdf")).toBe(`attachment; filename="laporan akhir.pdf"; filename*=UTF-8''laporan%20akhir.pdf`);
    expect(contentDisposition("Résumé (1).pdf")).toBe(`attachment; filename="R_sum_ (1).pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%281%29.pdf`);
  });

  it("cannot be broken out of with quotes, CR/LF or semicolons", () => {
    const header = contentDisposition('a";\r\nSet-Cookie: x=1;.png');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.match(/"/g)).toHaveLength(2);
    expect(header).toMatch(/^attachment; filename="a____Set-Cookie: x=1_.png"; filename\*=UTF-8''/);
  });
});

it("takes the last extension, lower-cased", () => {
  expect(fileExtension("Foto.JPG")).toBe("jpg");
  expect(fileExtension("a.jpg.php")).toBe("php");
  expect(fileExtension("README")).toBe("");
});
