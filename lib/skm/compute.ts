// The survey's arithmetic as the regulation fixes it, pure so that the report, the print layout, the
// spreadsheet and the public page show the same figures and the unit tests can check them by hand:
//   NRR of an element   = total of its values ÷ respondents who answered it
//   weight              = 1 ÷ number of elements used (turned on and answered at least once)
//   IKM                 = Σ (NRR × weight) × 25           (the converted value, 25.00 … 100.00)
// The grade is read from the IKM rounded to two decimals, as the regulation's interval table is
// written in two decimals: A 88.31–100.00, B 76.61–88.30, C 65.00–76.60, D 25.00–64.99.
import { SKM_ELEMENT_CODES, type SkmElementCode } from "./elements";

export type SkmTally = { sum: number; count: number };
export type SkmTallies = Partial<Record<SkmElementCode, SkmTally>>;
export type SkmGrade = "A" | "B" | "C" | "D";

export type SkmElementResult = {
  code: SkmElementCode;
  /** Respondents who answered this element. */
  count: number;
  sum: number;
  /** null when nobody answered it. */
  nrr: number | null;
  /** NRR × weight; null when the element is not used. */
  weighted: number | null;
  /** NRR × 25, the element's own converted value (for "what to improve"). */
  converted: number | null;
  grade: SkmGrade | null;
};

export type SkmResult = {
  elements: SkmElementResult[];
  /** Elements that entered the index. */
  used: SkmElementCode[];
  weight: number | null;
  /** Σ weighted NRR (1.00 … 4.00), unrounded. */
  weightedTotal: number | null;
  /** The converted value, unrounded. */
  ikmRaw: number | null;
  /** The converted value rounded to two decimals: the figure shown and graded. */
  ikm: number | null;
  grade: SkmGrade | null;
};

/** Rounds half up to two decimals without binary noise (88.305 → 88.31, not 88.30). */
export function round2(value: number): number {
  return Math.round(Number((value * 100).toFixed(6))) / 100;
}

/** The grade of a converted value, compared on its two-decimal rounding. */
export function gradeOf(converted: number): SkmGrade {
  const v = round2(converted);
  if (v >= 88.31) return "A";
  if (v >= 76.61) return "B";
  if (v >= 65) return "C";
  return "D";
}

/** The index from per-element totals; `enabled` are the elements the period's questionnaire asked. */
export function computeSkm(tallies: SkmTallies, enabled: readonly SkmElementCode[]): SkmResult {
  const on = new Set(enabled);
  const used = SKM_ELEMENT_CODES.filter((c) => on.has(c) && (tallies[c]?.count ?? 0) > 0);
  const weight = used.length ? 1 / used.length : null;
  const elements = SKM_ELEMENT_CODES.filter((c) => on.has(c)).map((code): SkmElementResult => {
    const tally = tallies[code] ?? { sum: 0, count: 0 };
    const nrr = tally.count > 0 ? tally.sum / tally.count : null;
    return {
      code,
      count: tally.count,
      sum: tally.sum,
      nrr,
      weighted: nrr !== null && weight !== null ? nrr * weight : null,
      converted: nrr !== null ? nrr * 25 : null,
      grade: nrr !== null ? gradeOf(nrr * 25) : null,
    };
  });
  if (weight === null) return { elements, used, weight, weightedTotal: null, ikmRaw: null, ikm: null, grade: null };
  const weightedTotal = elements.reduce((s, e) => s + (e.weighted ?? 0), 0);
  const ikmRaw = weightedTotal * 25;
  return { elements, used, weight, weightedTotal, ikmRaw, ikm: round2(ikmRaw), grade: gradeOf(ikmRaw) };
}

/** One respondent's answers: 1–4, or null/absent when skipped. */
export type SkmAnswers = Partial<Record<SkmElementCode, number | null>>;

/** Per-element totals of a set of answers (the SQL report computes the same with SUM/COUNT). */
export function tallyAnswers(responses: readonly SkmAnswers[]): SkmTallies {
  const tallies: SkmTallies = {};
  for (const r of responses) {
    for (const code of SKM_ELEMENT_CODES) {
      const v = r[code];
      if (v === null || v === undefined) continue;
      if (!Number.isInteger(v) || v < 1 || v > 4) throw new RangeError(`answer ${code}=${v} is outside 1–4`);
      const t = (tallies[code] ??= { sum: 0, count: 0 });
      t.sum += v;
      t.count += 1;
    }
  }
  return tallies;
}

/** The lowest `n` used elements by NRR (ties in element order): what the unit should improve first. */
export function lowestElements(result: SkmResult, n = 3): SkmElementCode[] {
  return result.elements
    .filter((e) => e.nrr !== null)
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.nrr! - b.e.nrr! || a.i - b.i)
    .slice(0, n)
    .map(({ e }) => e.code);
}

/**
 * Krejcie and Morgan's sample size for a population of `population` people served, at the 95 %
 * confidence level (χ² = 3.841 for one degree of freedom), proportion 0.5 and a 5 % margin,
 * rounded to the nearest whole person — which reproduces their published table (50 → 44, 70 → 59,
 * 100 → 80, 1,000 → 278, 1,000,000 → 384; rounding up would give 45 and 60).
 */
export function krejcieMorganSample(population: number): number {
  if (!Number.isFinite(population) || population <= 0) return 0;
  const chi2 = 3.841;
  const p = 0.5;
  const d = 0.05;
  const s = (chi2 * population * p * (1 - p)) / (d * d * (population - 1) + chi2 * p * (1 - p));
  return Math.min(Math.round(s), Math.ceil(population));
}
