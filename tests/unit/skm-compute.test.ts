import { computeSkm, gradeOf, krejcieMorganSample, lowestElements, round2, tallyAnswers, type SkmAnswers } from "@/lib/skm/compute";
import { SKM_ELEMENT_CODES, type SkmElementCode } from "@/lib/skm/elements";
import { periodFromKey, periodOf, periodsUpTo } from "@/lib/skm/periods";

// Every expected figure below was worked out by hand (see the comments), not by the code under test.

const ALL = SKM_ELEMENT_CODES;
const without = (...off: SkmElementCode[]) => ALL.filter((c) => !off.includes(c));

describe("IKM from hand-made answer sets", () => {
  test("biaya turned off: eight elements, weight 1/8, its answers ignored", () => {
    // u1 4,3,3,4 = 14 → 3.5 | u2 3,3,3,3 = 12 → 3.0 | u3 2,3,3,2 = 10 → 2.5 | u5 4×4 = 16 → 4.0
    // u6 3,4,3,4 = 14 → 3.5 | u7 4,4,3,3 = 14 → 3.5 | u8 2,2,3,3 = 10 → 2.5 | u9 3×4 = 12 → 3.0
    // Σ NRR = 25.5; × 1/8 = 3.1875; × 25 = 79.6875 → 79.69 → B (Baik)
    const rows: SkmAnswers[] = [
      { u1: 4, u2: 3, u3: 2, u4: 4, u5: 4, u6: 3, u7: 4, u8: 2, u9: 3 },
      { u1: 3, u2: 3, u3: 3, u4: 4, u5: 4, u6: 4, u7: 4, u8: 2, u9: 3 },
      { u1: 3, u2: 3, u3: 3, u4: 4, u5: 4, u6: 3, u7: 3, u8: 3, u9: 3 },
      { u1: 4, u2: 3, u3: 2, u4: 4, u5: 4, u6: 4, u7: 3, u8: 3, u9: 3 },
    ];
    const result = computeSkm(tallyAnswers(rows), without("u4"));
    expect(result.used).toEqual(["u1", "u2", "u3", "u5", "u6", "u7", "u8", "u9"]);
    expect(result.weight).toBe(1 / 8);
    expect(result.elements.map((e) => e.code)).not.toContain("u4");
    expect(result.elements.find((e) => e.code === "u1")).toMatchObject({ sum: 14, count: 4, nrr: 3.5 });
    expect(result.weightedTotal).toBeCloseTo(3.1875, 10);
    expect(result.ikm).toBe(79.69);
    expect(result.grade).toBe("B");
    // Lowest: u3 2.5, u8 2.5, then u2 and u9 tie at 3.0 → the earlier element, u2.
    expect(lowestElements(result)).toEqual(["u3", "u8", "u2"]);
  });

  test("an element some respondents skipped is divided by those who answered it", () => {
    // Every element 3 from all three respondents, except u9: 4, 4 and one skip → NRR 8/2 = 4.0.
    // Σ NRR = 8 × 3 + 4 = 28; ÷ 9 = 3.1111…; × 25 = 77.777… → 77.78 → B.
    // (Dividing u9 by all three respondents would give 74.07 → C.)
    const base = Object.fromEntries(ALL.map((c) => [c, 3])) as SkmAnswers;
    const rows: SkmAnswers[] = [
      { ...base, u9: 4 },
      { ...base, u9: 4 },
      { ...base, u9: null },
    ];
    const result = computeSkm(tallyAnswers(rows), ALL);
    expect(result.elements.find((e) => e.code === "u9")).toMatchObject({ sum: 8, count: 2, nrr: 4 });
    expect(result.weight).toBe(1 / 9);
    expect(result.ikm).toBe(77.78);
    expect(result.grade).toBe("B");
  });

  test("the worked example of docs/reports.md", () => {
    // Five respondents, biaya not rated: see docs/reports.md for the table. Σ NRR = 26.4; ÷ 8 = 3.3; × 25 = 82.50 → B.
    const rows: SkmAnswers[] = [
      { u1: 4, u2: 3, u3: 3, u5: 4, u6: 4, u7: 4, u8: 3, u9: 3 },
      { u1: 3, u2: 3, u3: 2, u5: 3, u6: 4, u7: 4, u8: 3, u9: 3 },
      { u1: 4, u2: 4, u3: 3, u5: 4, u6: 3, u7: 4, u8: 2, u9: 4 },
      { u1: 3, u2: 3, u3: 3, u5: 3, u6: 4, u7: 3, u8: 3, u9: 3 },
      { u1: 4, u2: 3, u3: 2, u5: 3, u6: 4, u7: 4, u8: 3, u9: 3 },
    ];
    // u1 18 → 3.6 | u2 16 → 3.2 | u3 13 → 2.6 | u5 17 → 3.4 | u6 19 → 3.8 | u7 19 → 3.8 | u8 14 → 2.8 | u9 16 → 3.2
    const result = computeSkm(tallyAnswers(rows), without("u4"));
    expect(result.elements.map((e) => e.nrr)).toEqual([3.6, 3.2, 2.6, 3.4, 3.8, 3.8, 2.8, 3.2]);
    expect(result.ikm).toBe(82.5);
    expect(result.grade).toBe("B");
    expect(lowestElements(result)).toEqual(["u3", "u8", "u2"]);
  });

  test("no answers at all: no index and no grade", () => {
    const result = computeSkm({}, ALL);
    expect(result.ikm).toBeNull();
    expect(result.grade).toBeNull();
    expect(result.used).toEqual([]);
  });

  test("an element turned on that nobody answered does not dilute the weights", () => {
    // u1 only: 7 / 2 = 3.5 → 87.50 → B; u2 on but unanswered is left out (weight 1, not 1/2).
    const result = computeSkm({ u1: { sum: 7, count: 2 } }, ["u1", "u2"]);
    expect(result.used).toEqual(["u1"]);
    expect(result.ikm).toBe(87.5);
  });

  test("an answer outside 1–4 is refused", () => {
    expect(() => tallyAnswers([{ u1: 5 }])).toThrow(RangeError);
    expect(() => tallyAnswers([{ u1: 0 }])).toThrow(RangeError);
    expect(() => tallyAnswers([{ u1: 2.5 }])).toThrow(RangeError);
  });
});

describe("grade boundaries on the converted value rounded to two decimals", () => {
  // One element, 2,500 respondents: IKM = 25 × sum / 2500 = sum / 100, so sum 8831 is exactly 88.31.
  const ikmOf = (sum: number, count = 2500) => computeSkm({ u1: { sum, count } }, ["u1"]);
  test.each([
    [8831, 88.31, "A"],
    [8830, 88.3, "B"],
    [7661, 76.61, "B"],
    [7660, 76.6, "C"],
    [6500, 65, "C"],
    [6499, 64.99, "D"],
    [10000, 100, "A"],
    [2500, 25, "D"],
  ])("sum %i of 2500 → %f → %s", (sum, ikm, grade) => {
    const r = ikmOf(sum);
    expect(r.ikm).toBe(ikm);
    expect(r.grade).toBe(grade);
  });

  test("88.305 rounds to 88.31 (A); 88.3045 to 88.30 (B)", () => {
    // 17661 / 5000 × 25 = 88.305; 176609 / 50000 × 25 = 88.3045
    expect(ikmOf(17661, 5000)).toMatchObject({ ikm: 88.31, grade: "A" });
    expect(ikmOf(176609, 50000)).toMatchObject({ ikm: 88.3, grade: "B" });
  });

  test("gradeOf and round2 on the table's edges", () => {
    expect([gradeOf(88.31), gradeOf(88.3), gradeOf(76.61), gradeOf(76.6), gradeOf(65), gradeOf(64.99)]).toEqual(["A", "B", "B", "C", "C", "D"]);
    expect(gradeOf(64.995)).toBe("C"); // rounds to 65.00
    expect(round2(76.605)).toBe(76.61);
    expect(round2(1.005)).toBe(1.01);
  });
});

describe("Krejcie–Morgan sample size", () => {
  test.each([
    [0, 0],
    [10, 10],
    [30, 28],
    [50, 44],
    [70, 59],
    [100, 80],
    [1000, 278],
    [10000, 370],
    [1000000, 384],
  ])("population %i → %i respondents", (n, s) => {
    expect(krejcieMorganSample(n)).toBe(s);
  });
});

describe("survey periods in the service's time zone", () => {
  const tz = "Asia/Jakarta";
  test("a semester by default; the first days of July (WIB) are in S2", () => {
    const p = periodOf("semester", new Date("2026-06-30T17:30:00Z"), tz); // 1 July 00:30 WIB
    expect(p.key).toBe("2026-S2");
    expect(p.start.toISOString()).toBe("2026-06-30T17:00:00.000Z");
    expect(p.end.toISOString()).toBe("2026-12-31T17:00:00.000Z");
  });
  test("keys round-trip and trends step back across years", () => {
    expect(periodFromKey("2026-Q1", tz)?.kind).toBe("quarter");
    expect(periodFromKey("2026", tz)?.kind).toBe("year");
    expect(periodFromKey("2026-S3", tz)).toBeNull();
    expect(periodFromKey("x", tz)).toBeNull();
    expect(periodsUpTo(periodFromKey("2026-Q1", tz)!, 3, tz).map((p) => p.key)).toEqual(["2025-Q3", "2025-Q4", "2026-Q1"]);
    expect(periodsUpTo(periodFromKey("2026-S1", tz)!, 3, tz).map((p) => p.key)).toEqual(["2025-S1", "2025-S2", "2026-S1"]);
  });
});
