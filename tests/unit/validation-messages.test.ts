import { z, formatValidationMessage } from "@/lib/validation/zod";
import id from "@/messages/id.json";
import en from "@/messages/en.json";

function render(message: string | undefined, catalogue: Record<string, string>) {
  return formatValidationMessage(message, (key, values) =>
    Object.entries(values ?? {}).reduce((text, [k, v]) => text.replace(`{${k}}`, String(v)), catalogue[key] ?? `MISSING ${key}`),
  );
}

describe("zod messages in the user's language", () => {
  const schema = z.object({ subject: z.string().trim().min(1).max(5), email: z.email() });

  it("renders Indonesian field errors with their limits", () => {
    const result = schema.safeParse({ subject: "panjang sekali", email: "a@b" });
    const messages = result.error!.issues.map((i) => render(i.message, id.validation));
    expect(messages).toEqual(["Maksimal 5 karakter.", "Alamat e-mail tidak valid."]);
  });

  it("treats whitespace-only as empty", () => {
    const result = schema.safeParse({ subject: "   ", email: "x@example.com" });
    expect(render(result.error!.issues[0]!.message, id.validation)).toBe("Wajib diisi.");
    expect(render(result.error!.issues[0]!.message, en.validation)).toBe("Required.");
  });
});

describe("message catalogues", () => {
  const keys = (o: object, prefix = ""): string[] =>
    Object.entries(o).flatMap(([k, v]) => (v && typeof v === "object" ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));

  it("Indonesian and English have exactly the same keys", () => {
    expect(keys(en).sort()).toEqual(keys(id).sort());
  });
});
