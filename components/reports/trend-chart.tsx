"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/**
 * Created vs resolved over time. Decorative for assistive technology: the same numbers are in the
 * table the page puts beside it, so the chart is hidden from screen readers.
 */
export function TrendChart({ data, labels }: { data: { label: string; created: number; resolved: number }[]; labels: { created: string; resolved: string } }) {
  return (
    <div aria-hidden="true" className="h-64 w-full" data-testid="trend-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" />
          <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#334155" }} minTickGap={16} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: "#334155" }} width={48} />
          <Tooltip />
          <Legend />
          <Line type="monotone" dataKey="created" name={labels.created} stroke="#1e40af" strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line type="monotone" dataKey="resolved" name={labels.resolved} stroke="#15803d" strokeWidth={2} strokeDasharray="6 3" dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Created and resolved per group (top groups), hidden from screen readers like the trend. */
export function GroupChart({ data, labels }: { data: { label: string; created: number; resolved: number }[]; labels: { created: string; resolved: string } }) {
  return (
    <div aria-hidden="true" className="w-full" style={{ height: Math.max(160, data.length * 28 + 60) }} data-testid="group-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11, fill: "#334155" }} />
          <YAxis type="category" dataKey="label" width={160} tick={{ fontSize: 11, fill: "#334155" }} />
          <Tooltip />
          <Legend />
          <Bar dataKey="created" name={labels.created} fill="#1e40af" isAnimationActive={false} />
          <Bar dataKey="resolved" name={labels.resolved} fill="#15803d" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
