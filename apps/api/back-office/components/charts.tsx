import React from 'react';
import { monthLabel, scale, valueAxis, type Axis } from './chart-scale';

/**
 * The panel's charts, drawn as SVG (no chart library): a monthly chart of bars and lines on one or
 * two value axes, and a progress chart of KPIs against their target. Every chart has both axes
 * with unit-bearing tick labels, a legend that names each series' definition, a <title> tooltip
 * on every mark, and data-testids (`<testId>-x-axis`, `-y-axis`, `-legend`, marks `bar` and
 * `point` with data-month and data-value) for the browser tests.
 */

const FONT = { fontSize: 11, fontFamily: 'inherit' } as const;
const AXIS_COLOR = '#454655';
const GRID_COLOR = '#e6e7ec';
const MISSING_COLOR = '#9a9aa8';

export interface ChartSeries {
  /** Legend text: the figure and its unit ("NMV (INR)"). */
  name: string;
  /** What the figure is (docs/metrics.md), in the legend and every mark's tooltip. */
  definition: string;
  kind: 'bar' | 'line';
  axis: 'left' | 'right';
  color: string;
  /** One per month; null where not measurable. */
  values: (number | null)[];
  /** A value as people read it, with its unit. */
  format: (value: number) => string;
}

export interface AxisSpec {
  title: string;
  /** Tick labels, with their unit; `step` is the distance between ticks (see tickDecimals). */
  format: (value: number, step: number) => string;
}

export interface TimeChartProps {
  testId: string;
  title: string;
  /** First day of each month, in order. */
  months: string[];
  series: ChartSeries[];
  left: AxisSpec;
  right?: AxisSpec;
}

const W = 640;
const PLOT_H = 200;
const TOP = 14;
const LEGEND_ROW = 18;

const ValueTicks: React.FC<{ axis: Axis; y: (v: number) => number; x: number; side: 'left' | 'right'; spec: AxisSpec; testId: string; grid?: [number, number] }> = ({ axis, y, x, side, spec, testId, grid }) => (
  <g data-testid={testId}>
    <line x1={x} x2={x} y1={y(axis.min)} y2={y(axis.max)} stroke={AXIS_COLOR} data-testid={`${testId}-line`} />
    {axis.ticks.map((tick) => (
      <g key={tick}>
        {grid ? <line x1={grid[0]} x2={grid[1]} y1={y(tick)} y2={y(tick)} stroke={GRID_COLOR} /> : null}
        <line x1={side === 'left' ? x - 4 : x} x2={side === 'left' ? x : x + 4} y1={y(tick)} y2={y(tick)} stroke={AXIS_COLOR} />
        <text x={side === 'left' ? x - 6 : x + 6} y={y(tick) + 4} textAnchor={side === 'left' ? 'end' : 'start'} {...FONT} data-testid={`${testId}-tick`}>
          {spec.format(tick, axis.step)}
        </text>
      </g>
    ))}
    <text
      {...FONT}
      fontWeight="bold"
      transform={`translate(${side === 'left' ? 12 : x + 70}, ${y(axis.max) + (y(axis.min) - y(axis.max)) / 2}) rotate(${side === 'left' ? -90 : 90})`}
      textAnchor="middle"
      data-testid={`${testId}-title`}
    >
      {spec.title}
    </text>
  </g>
);

/** Bars and lines by month, against a left and an optional right value axis. */
const TimeChart: React.FC<TimeChartProps> = ({ testId, title, months, series, left, right }) => {
  const leftMargin = 104;
  const rightMargin = right ? 84 : 20;
  const plotRight = W - rightMargin;
  const bottom = TOP + PLOT_H;
  const axes = {
    left: valueAxis(series.filter((s) => s.axis === 'left').flatMap((s) => s.values)),
    right: valueAxis(series.filter((s) => s.axis === 'right').flatMap((s) => s.values)),
  };
  const y = { left: scale(axes.left, bottom, TOP), right: scale(axes.right, bottom, TOP) };
  const band = (plotRight - leftMargin) / Math.max(1, months.length);
  const center = (i: number) => leftMargin + band * (i + 0.5);
  const bars = series.filter((s) => s.kind === 'bar');
  const barWidth = Math.max(4, (band * 0.7) / Math.max(1, bars.length));
  const legendTop = bottom + 44;
  const height = legendTop + LEGEND_ROW * (series.length + 1);
  return (
    <svg viewBox={`0 0 ${W} ${height}`} width="100%" style={{ maxWidth: `${W}px` }} role="img" aria-label={title} data-testid={testId}>
      <title>{title}</title>
      <ValueTicks axis={axes.left} y={y.left} x={leftMargin} side="left" spec={left} testId={`${testId}-y-axis`} grid={[leftMargin, plotRight]} />
      {right ? <ValueTicks axis={axes.right} y={y.right} x={plotRight} side="right" spec={right} testId={`${testId}-y2-axis`} /> : null}
      <g data-testid={`${testId}-x-axis`}>
        <line x1={leftMargin} x2={plotRight} y1={y.left(Math.max(0, axes.left.min))} y2={y.left(Math.max(0, axes.left.min))} stroke={AXIS_COLOR} data-testid={`${testId}-x-axis-line`} />
        {months.map((month, i) => (
          <text key={month} x={center(i)} y={bottom + 16} textAnchor="middle" {...FONT} data-testid={`${testId}-x-axis-tick`}>
            {monthLabel(month)}
          </text>
        ))}
        <text x={(leftMargin + plotRight) / 2} y={bottom + 34} textAnchor="middle" {...FONT} fontWeight="bold">
          Month (UTC)
        </text>
      </g>
      {bars.map((s, b) =>
        s.values.map((value, i) => {
          const zero = y[s.axis](0);
          const top = value === null ? zero : y[s.axis](value);
          return (
            <rect
              key={`${s.name}-${months[i]}`}
              x={center(i) - (barWidth * bars.length) / 2 + b * barWidth}
              y={Math.min(top, zero)}
              width={barWidth - 1}
              height={Math.abs(zero - top)}
              fill={s.color}
              data-testid="bar"
              data-month={months[i]}
              data-value={value === null ? '' : String(value)}
            >
              <title>{`${monthLabel(months[i])} · ${s.name}: ${value === null ? 'none' : s.format(value)} — ${s.definition}`}</title>
            </rect>
          );
        }),
      )}
      {series
        .filter((s) => s.kind === 'line')
        .map((s) => {
          const at = (i: number, value: number) => `${center(i)},${y[s.axis](value)}`;
          // Segments join consecutive measurable months only: a gap is not a zero.
          const segments: string[] = [];
          let current: string[] = [];
          s.values.forEach((value, i) => {
            if (value === null) {
              if (current.length > 1) segments.push(current.join(' '));
              current = [];
            } else current.push(at(i, value));
          });
          if (current.length > 1) segments.push(current.join(' '));
          return (
            <g key={s.name} data-testid={`${testId}-series`}>
              {segments.map((points) => (
                <polyline key={points} points={points} fill="none" stroke={s.color} strokeWidth={2} />
              ))}
              {s.values.map((value, i) =>
                value === null ? (
                  <text key={months[i]} x={center(i)} y={bottom - 3} textAnchor="middle" fill={MISSING_COLOR} {...FONT} data-testid="point" data-month={months[i]} data-value="">
                    ×<title>{`${monthLabel(months[i])} · ${s.name}: not measurable — ${s.definition}`}</title>
                  </text>
                ) : (
                  <circle key={months[i]} cx={center(i)} cy={y[s.axis](value)} r={4} fill={s.color} data-testid="point" data-month={months[i]} data-value={String(value)}>
                    <title>{`${monthLabel(months[i])} · ${s.name}: ${s.format(value)} — ${s.definition}`}</title>
                  </circle>
                ),
              )}
            </g>
          );
        })}
      <g data-testid={`${testId}-legend`}>
        {series.map((s, i) => (
          <g key={s.name} transform={`translate(${leftMargin - 90}, ${legendTop + i * LEGEND_ROW})`}>
            {s.kind === 'bar' ? <rect x={0} y={-9} width={12} height={10} fill={s.color} /> : <line x1={0} x2={12} y1={-4} y2={-4} stroke={s.color} strokeWidth={3} />}
            <text x={18} y={0} {...FONT}>
              <tspan fontWeight="bold">{s.name}</tspan>
              {`${s.axis === 'right' ? ' (right axis)' : ''}: ${s.definition}`}
            </text>
          </g>
        ))}
        <text x={leftMargin - 90} y={legendTop + series.length * LEGEND_ROW} fill={MISSING_COLOR} {...FONT}>
          × on the axis: not measurable that month (nothing to divide by, or nothing reported); a missing value is not a zero.
        </text>
      </g>
    </svg>
  );
};

export interface ProgressRow {
  key: string;
  label: string;
  /** Actual against target (1 = on target); null without a target or an actual. */
  progress: number | null;
  met: boolean | null;
  /** The tooltip: what the bar compares ("INR 6,300.00 of INR 10,000.00"). */
  detail: string;
  /** Shown instead of a bar when there is none ("no target set"). */
  missing: string;
}

const MET = '#2E9E6B';
const NOT_MET = '#E08A1E';
const PROGRESS_MAX = 1.5;

/** Each KPI's progress towards its target as a bar from 0 % to 150 %, with the target (100 %) marked. */
export const ProgressChart: React.FC<{ testId: string; rows: ProgressRow[]; format: (share: number) => string }> = ({ testId, rows, format }) => {
  const labelWidth = 230;
  const plotRight = W - 70;
  const rowHeight = 24;
  const top = 24;
  const bottom = top + rows.length * rowHeight;
  const axis = valueAxis([0, PROGRESS_MAX], 6, PROGRESS_MAX);
  const x = scale(axis, labelWidth, plotRight);
  const legendTop = bottom + 48;
  return (
    <svg viewBox={`0 0 ${W} ${legendTop + 2 * LEGEND_ROW}`} width="100%" style={{ maxWidth: `${W}px` }} role="img" aria-label="Progress towards each target" data-testid={testId}>
      <title>Progress towards each target</title>
      <g data-testid={`${testId}-x-axis`}>
        <line x1={x(axis.min)} x2={x(axis.max)} y1={bottom} y2={bottom} stroke={AXIS_COLOR} data-testid={`${testId}-x-axis-line`} />
        {axis.ticks.map((tick) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={top} y2={bottom + 4} stroke={tick === 1 ? 'none' : GRID_COLOR} />
            <text x={x(tick)} y={bottom + 16} textAnchor="middle" {...FONT} data-testid={`${testId}-x-axis-tick`}>
              {format(tick)}
            </text>
          </g>
        ))}
        <text x={(x(axis.min) + x(axis.max)) / 2} y={bottom + 34} textAnchor="middle" {...FONT} fontWeight="bold">
          Progress towards the target (actual ÷ target; target ÷ actual where less is better)
        </text>
      </g>
      <g data-testid={`${testId}-y-axis`}>
        <line x1={labelWidth} x2={labelWidth} y1={top} y2={bottom} stroke={AXIS_COLOR} data-testid={`${testId}-y-axis-line`} />
        {rows.map((row, i) => (
          <text key={row.key} x={labelWidth - 8} y={top + i * rowHeight + 16} textAnchor="end" {...FONT} data-testid={`${testId}-y-axis-tick`}>
            {row.label}
          </text>
        ))}
      </g>
      {rows.map((row, i) =>
        row.progress === null ? (
          <text key={row.key} x={labelWidth + 8} y={top + i * rowHeight + 16} fill={MISSING_COLOR} {...FONT}>
            {row.missing}
            <title>{row.detail}</title>
          </text>
        ) : (
          <g key={row.key}>
            <rect
              x={labelWidth}
              y={top + i * rowHeight + 5}
              width={x(Math.min(row.progress, PROGRESS_MAX)) - labelWidth}
              height={rowHeight - 10}
              fill={row.met ? MET : NOT_MET}
              data-testid="bar"
              data-kpi={row.key}
              data-value={String(row.progress)}
            >
              <title>{`${row.label}: ${format(row.progress)} of the target — ${row.detail}`}</title>
            </rect>
            <text x={x(Math.min(row.progress, PROGRESS_MAX)) + 4} y={top + i * rowHeight + 16} {...FONT}>
              {format(row.progress) + (row.progress > PROGRESS_MAX ? ' ▸' : '')}
            </text>
          </g>
        ),
      )}
      <g data-testid={`${testId}-target`}>
        <line x1={x(1)} x2={x(1)} y1={top - 6} y2={bottom} stroke="#C0392B" strokeWidth={2} strokeDasharray="5 3" />
        <text x={x(1)} y={top - 10} textAnchor="middle" {...FONT} fill="#C0392B">
          target (100 %)
        </text>
      </g>
      <g data-testid={`${testId}-legend`} transform={`translate(10, ${legendTop})`}>
        <rect x={0} y={-9} width={12} height={10} fill={MET} />
        <text x={18} y={0} {...FONT}>
          target met
        </text>
        <rect x={110} y={-9} width={12} height={10} fill={NOT_MET} />
        <text x={128} y={0} {...FONT}>
          not met yet
        </text>
        <line x1={240} x2={252} y1={-4} y2={-4} stroke="#C0392B" strokeWidth={2} strokeDasharray="5 3" />
        <text x={258} y={0} {...FONT}>
          the target: 100 % (bars past 150 % end with ▸)
        </text>
        <text x={0} y={LEGEND_ROW} {...FONT} fill={MISSING_COLOR}>
          A KPI without a target, or not measurable in the period, has no bar.
        </text>
      </g>
    </svg>
  );
};

export default TimeChart;
