import { createTranslator } from "next-intl";
import { slaWords } from "@/lib/sla/words";
import { DUE_SOON_MINUTES } from "@/lib/sla/defaults";
import id from "@/messages/id.json";
import en from "@/messages/en.json";

const words = (messages: typeof id, locale: string) => {
  const t = createTranslator({ locale, messages, namespace: "sla" });
  return slaWords((key, values) => t(key as never, values as never));
};

describe("a list row's service-level state", () => {
  const sla = words(id, "id");
  it("says on time, due soon (within DUE_SOON_MINUTES of working time) or late, with the time", () => {
    expect(sla.rowLeft(300, false)).toEqual({ text: "Tepat waktu · sisa 5 jam kerja", tone: "ok" });
    expect(sla.rowLeft(DUE_SOON_MINUTES, false)).toEqual({ text: "Segera jatuh tempo · sisa 2 jam kerja", tone: "soon" });
    expect(sla.rowLeft(45, false)).toEqual({ text: "Segera jatuh tempo · sisa 45 menit kerja", tone: "soon" });
    expect(sla.rowLeft(-90, true)).toEqual({ text: "terlambat 1 jam 30 menit kerja", tone: "late" });
    // due on the wall clock outside working hours: late although no working minute has passed
    expect(sla.rowLeft(0, true)).toEqual({ text: "lewat batas waktu", tone: "late" });
  });

  it("in English too", () => {
    expect(words(en as typeof id, "en").rowLeft(45, false).text).toMatch(/^Due soon · /);
  });
});
