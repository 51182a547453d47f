import { Table, Text, VisuallyHidden } from '@mantine/core';
import { useId } from 'react';
import './bar-chart.css';

export interface BarDatum {
  /** The short label under the bar (e.g. "3. 11."). */
  label: string;
  /** The label in the table and the bar's tooltip (e.g. "3 Nov 2026"). */
  fullLabel: string;
  value: number;
}

interface Props {
  title: string;
  data: readonly BarDatum[];
  /** One sentence saying what the chart shows (total, peak): the chart's text alternative. */
  summary: string;
  /** The table's column headings. */
  labelHeading: string;
  valueHeading: string;
  /** The disclosure that shows the figures as a table. */
  tableToggle: string;
  formatValue: (value: number) => string;
}

const W = 360;
const H = 190;
const PAD = { top: 12, right: 8, bottom: 24, left: 32 };

/** A round, even top for the axis (so its middle tick is whole): 2, 4, 6, 8 or 10 × 10ⁿ at or above the largest value, at least 4. */
export function niceMax(max: number): number {
  if (max <= 4) return 4;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  const step = [2, 4, 6, 8, 10].find((s) => s * magnitude >= max) ?? 10;
  return step * magnitude;
}

/** A small bar chart in SVG that follows the color scheme (Mantine's CSS variables), with its
 * figures as a sentence for screen readers and as a table anyone can open. */
export function BarChart({
  title,
  data,
  summary,
  labelHeading,
  valueHeading,
  tableToggle,
  formatValue,
}: Props) {
  const id = useId();
  const max = niceMax(Math.max(0, ...data.map((d) => d.value)));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, data.length);
  const barW = Math.max(4, slot * 0.64);
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const ticks = [0, max / 2, max];
  // Every other label when the bars are narrow, so they never overlap.
  const labelEvery = slot < 30 ? 2 : 1;
  return (
    <figure className="bar-chart-figure" aria-labelledby={`${id}-title`}>
      <Text component="figcaption" id={`${id}-title`} fw={600} size="sm" mb={4}>
        {title}
      </Text>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        className="bar-chart-svg"
        role="img"
        aria-labelledby={`${id}-svg-title ${id}-desc`}
      >
        <title id={`${id}-svg-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(tick)} y2={y(tick)} className="bar-chart-grid" />
            <text
              x={PAD.left - 6}
              y={y(tick)}
              className="bar-chart-axis"
              textAnchor="end"
              dominantBaseline="middle"
            >
              {formatValue(tick)}
            </text>
          </g>
        ))}
        {data.map((d, i) => {
          const x = PAD.left + i * slot + (slot - barW) / 2;
          const top = y(d.value);
          return (
            <g key={d.fullLabel}>
              <rect
                x={x}
                y={top}
                width={barW}
                height={Math.max(0, PAD.top + plotH - top)}
                rx={2}
                className="bar-chart-bar"
              >
                <title>{`${d.fullLabel}: ${formatValue(d.value)}`}</title>
              </rect>
              {i % labelEvery === (data.length - 1) % labelEvery ? (
                <text x={x + barW / 2} y={H - 8} className="bar-chart-axis" textAnchor="middle">
                  {d.label}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <VisuallyHidden>{summary}</VisuallyHidden>
      <details className="bar-chart-details">
        <summary>{tableToggle}</summary>
        <Table striped withTableBorder mt="xs" fz="sm">
          <Table.Caption>{title}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{labelHeading}</Table.Th>
              <Table.Th scope="col" ta="right">
                {valueHeading}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.map((d) => (
              <Table.Tr key={d.fullLabel}>
                <Table.Th scope="row" fw={400}>
                  {d.fullLabel}
                </Table.Th>
                <Table.Td ta="right">{formatValue(d.value)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </details>
    </figure>
  );
}
