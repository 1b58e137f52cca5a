import { normalizeIdentifier } from "@/lib/auth/identity";
import { clientIp } from "@/lib/auth/client-ip";

describe("normalizeIdentifier", () => {
  it("folds case, spaces and full-width look-alikes to one form", () => {
    expect(normalizeIdentifier("  Admin ")).toBe("admin");
    expect(normalizeIdentifier("ａｄｍｉｎ")).toBe("admin");
    expect(normalizeIdentifier("ＡＤＭＩＮ@ＤＩＳＫＯＭＩＮＦＯ.go.id")).toBe("admin@diskominfo.go.id");
  });
});

describe("clientIp", () => {
  afterEach(() => {
    delete process.env.TRUSTED_PROXY_COUNT;
  });

  it("takes the entry appended by the nearest hop, not one the client wrote first", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6, 198.51.100.4" }))).toBe("198.51.100.4");
  });

  it("skips the entries of trusted proxies", () => {
    process.env.TRUSTED_PROXY_COUNT = "1";
    expect(clientIp({ "x-forwarded-for": "6.6.6.6, 198.51.100.4, 10.0.0.2" })).toBe("198.51.100.4");
  });

  it("falls back to a fixed bucket when nothing is known", () => {
    expect(clientIp(undefined)).toBe("unknown");
  });
});
