import { footerSettingsSchema } from "@/lib/validation/settings";

describe("footer links", () => {
  const accepts = (url: string) => footerSettingsSchema.safeParse({ text: "", links: [{ label: "x", url }] }).success;

  it("accepts web addresses and paths of this site", () => {
    expect(accepts("https://bantenprov.go.id")).toBe(true);
    expect(accepts("/faq")).toBe(true);
  });

  it("refuses scripts and addresses that only look like paths but lead off-site", () => {
    expect(accepts("javascript:alert(1)")).toBe(false);
    expect(accepts("//evil.example")).toBe(false);
    expect(accepts("/\\evil.example")).toBe(false);
  });
});
