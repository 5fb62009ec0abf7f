// Small SVG pictures drawn in the browser: no libraries, so the page works offline. Every
// picture has a text alternative (role="img" with aria-label, or a <title>).
import { fmt } from './api.js';

const NS = 'http://www.w3.org/2000/svg';
const INK = '#1b1b1b';
const MUTED = '#595959';
const ACCENT = '#154273';
const WARN = '#7a4b00';

function svg(tag, attrs = {}, children = []) {
  const el = document.createElementNS(NS, tag);
  Object.entries(attrs).forEach(([k, v]) => el.setAttribute(k, v));
  children.forEach(c => el.append(typeof c === 'string' ? document.createTextNode(c) : c));
  return el;
}

function picture(width, height, label, children) {
  return svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label }, children);
}

function linear([d0, d1], [r0, r1]) {
  return v => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
}

/** A scale for effects in percentage points that includes zero and every interval, with round ends. */
export function effectDomain(effects) {
  const values = effects.flatMap(e => [e.lower, e.upper]).concat(0);
  return [Math.floor(Math.min(...values) - 0.5), Math.ceil(Math.max(...values) + 0.5)];
}

const BAR_WIDTH = 260;
const PAD = 12;

/** The axis above the effect column: ticks in percentage points, zero marked. */
export function effectAxis(domain) {
  const x = linear(domain, [PAD, BAR_WIDTH - PAD]);
  const step = domain[1] - domain[0] > 12 ? 5 : 2;
  const ticks = [];
  for (let t = Math.ceil(domain[0] / step) * step; t <= domain[1]; t += step) {
    ticks.push(svg('line', { x1: x(t), x2: x(t), y1: 16, y2: 22, stroke: MUTED }),
      svg('text', { x: x(t), y: 12, 'text-anchor': 'middle', 'font-size': 11, fill: INK }, [fmt.points(t).replace(',0', '')]));
  }
  return svg('svg', { width: BAR_WIDTH, height: 24, viewBox: `0 0 ${BAR_WIDTH} 24`, 'aria-hidden': 'true' },
    [svg('line', { x1: PAD, x2: BAR_WIDTH - PAD, y1: 22, y2: 22, stroke: MUTED }), ...ticks]);
}

/** One effect as a dot with its 95 % interval as whiskers, on the shared scale. */
export function effectBar(effect, domain) {
  const x = linear(domain, [PAD, BAR_WIDTH - PAD]);
  const label = `Verwacht effect ${fmt.points(effect.pointEstimate)} procentpunt, `
    + `95 %-interval van ${fmt.points(effect.lower)} tot ${fmt.points(effect.upper)}`;
  const y = 14;
  return picture(BAR_WIDTH, 28, label, [
    svg('line', { x1: x(0), x2: x(0), y1: 0, y2: 28, stroke: MUTED, 'stroke-dasharray': '3 2' }),
    svg('rect', { x: x(effect.lower), y: y - 5, width: Math.max(1, x(effect.upper) - x(effect.lower)), height: 10, fill: '#c5d5ea' }),
    svg('line', { x1: x(effect.lower), x2: x(effect.upper), y1: y, y2: y, stroke: ACCENT, 'stroke-width': 2 }),
    svg('line', { x1: x(effect.lower), x2: x(effect.lower), y1: y - 7, y2: y + 7, stroke: ACCENT, 'stroke-width': 2 }),
    svg('line', { x1: x(effect.upper), x2: x(effect.upper), y1: y - 7, y2: y + 7, stroke: ACCENT, 'stroke-width': 2 }),
    svg('circle', { cx: x(effect.pointEstimate), cy: y, r: 5.5, fill: ACCENT, stroke: '#fff', 'stroke-width': 1.5 }),
  ]);
}

/** Where the probability sits among the four category bands (0–60 %, higher is capped). */
export function categoryScale(probability, bands) {
  const width = 420, top = 22;
  const x = linear([0, 0.6], [10, width - 10]);
  const shades = ['#e3f1e7', '#eef4e0', '#fdf3e1', '#fbe9ec'];
  const parts = bands.map((band, i) => {
    const upper = i === 0 ? 0.6 : bands[i - 1].from;
    return [svg('rect', { x: x(band.from), y: top, width: x(upper) - x(band.from), height: 18, fill: shades[i], stroke: '#d0d7e1' }),
      svg('text', { x: (x(band.from) + x(upper)) / 2, y: top + 32, 'text-anchor': 'middle', 'font-size': 11, fill: INK }, [`${band.number}`]),
      svg('text', { x: x(band.from), y: top + 48, 'text-anchor': 'middle', 'font-size': 10, fill: MUTED }, [fmt.percent(band.from)])];
  }).flat();
  const p = Math.min(probability, 0.6);
  return picture(width, 74, `Kans ${fmt.percent(probability)} op de schaal van de vier categorieën`, [
    ...parts,
    svg('line', { x1: x(p), x2: x(p), y1: 6, y2: top + 18, stroke: INK, 'stroke-width': 3 }),
    svg('text', { x: Math.min(x(p), width - 30), y: 12, 'text-anchor': 'middle', 'font-size': 12, 'font-weight': 700, fill: INK }, [fmt.percent(probability)]),
  ]);
}

/** Calibration: mean predicted against observed per bin, with the diagonal of perfect calibration. */
export function calibrationPlot(bins) {
  const size = 320, pad = 54;
  const max = Math.min(1, Math.ceil(Math.max(...bins.flatMap(b => [b.meanPredicted, b.observedRate]), 0.1) * 10) / 10);
  const x = linear([0, max], [pad, size - 12]);
  const y = linear([0, max], [size - pad, 12]);
  const ticks = [0, max / 2, max].flatMap(t => [
    svg('text', { x: x(t), y: size - pad + 16, 'text-anchor': 'middle', 'font-size': 11, fill: INK }, [fmt.percent(t)]),
    svg('text', { x: pad - 6, y: y(t) + 4, 'text-anchor': 'end', 'font-size': 11, fill: INK }, [fmt.percent(t)]),
  ]);
  const largest = Math.max(...bins.map(b => b.n ?? 1));
  const dots = bins.map(b => svg('circle', {
    cx: x(b.meanPredicted), cy: y(b.observedRate), r: 3 + 5 * Math.sqrt((b.n ?? 1) / largest), fill: ACCENT, 'fill-opacity': 0.85,
  }, [svg('title', {}, [`voorspeld ${fmt.percent(b.meanPredicted)}, werkelijk ${fmt.percent(b.observedRate)}${b.n ? `, ${b.n} klanten` : ''}`])]));
  const path = bins.map((b, i) => `${i ? 'L' : 'M'}${x(b.meanPredicted)},${y(b.observedRate)}`).join(' ');
  return picture(size, size, 'Kalibratieplot: voorspelde kans tegen werkelijk aandeel dat werk vond, per groep klanten', [
    svg('rect', { x: pad, y: 12, width: size - 12 - pad, height: size - pad - 12, fill: '#fafbfc', stroke: '#d0d7e1' }),
    svg('line', { x1: x(0), y1: y(0), x2: x(max), y2: y(max), stroke: MUTED, 'stroke-dasharray': '4 3' }),
    svg('path', { d: path, fill: 'none', stroke: ACCENT, 'stroke-width': 1.5 }),
    ...dots, ...ticks,
    svg('text', { x: (pad + size) / 2, y: size - 6, 'text-anchor': 'middle', 'font-size': 12, fill: INK }, ['voorspelde kans']),
    svg('text', { x: 12, y: size / 2 - 10, 'text-anchor': 'middle', 'font-size': 12, fill: INK, transform: `rotate(-90 12 ${size / 2 - 10})` }, ['werkelijk aandeel']),
  ]);
}

/** Expected effect at 0, 12 and 24 months with a band of ±1.96 standard deviations: the lock-in dip. */
export function effectCurve(name, at12, at24, sd, domain) {
  const width = 200, height = 120, pad = 30;
  const x = linear([0, 24], [pad, width - 22]);
  const y = linear(domain, [height - 30, 8]);
  const band = `M${x(0)},${y(0)} L${x(12)},${y(at12 + 1.96 * sd)} L${x(24)},${y(at24 + 1.96 * sd)} `
    + `L${x(24)},${y(at24 - 1.96 * sd)} L${x(12)},${y(at12 - 1.96 * sd)} Z`;
  const label = `${name}: ${fmt.points(at12)} procentpunt na 12 maanden, ${fmt.points(at24)} na 24 maanden`;
  return picture(width, height, label, [
    svg('path', { d: band, fill: '#dce6f2' }),
    svg('line', { x1: pad, x2: width - 22, y1: y(0), y2: y(0), stroke: MUTED, 'stroke-dasharray': '3 2' }),
    svg('polyline', { points: [[0, 0], [12, at12], [24, at24]].map(([m, v]) => `${x(m)},${y(v)}`).join(' '),
      fill: 'none', stroke: at12 < 0 ? WARN : ACCENT, 'stroke-width': 2.5 }),
    ...[[12, at12], [24, at24]].map(([m, v]) => svg('circle', { cx: x(m), cy: y(v), r: 3.5, fill: at12 < 0 ? WARN : ACCENT })),
    ...[0, 12, 24].map(m => svg('text', { x: x(m), y: height - 5, 'text-anchor': 'middle', 'font-size': 10, fill: INK }, [`${m} mnd`])),
    ...[domain[0], 0, domain[1]].map(v => svg('text', { x: pad - 4, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 10, fill: INK }, [fmt.points(v).replace(',0', '')])),
  ]);
}

/** Override rate per period (line, 0–100 %) over the number of decisions (grey bars); name(p) labels a period. */
export function overrideChart(periods, periodLabel, name) {
  const width = 640, height = 260, pad = 44;
  const step = (width - pad - 44) / Math.max(periods.length, 1);
  const maxDecisions = Math.max(...periods.map(p => p.decisions), 1);
  const yRate = linear([0, 1], [height - 40, 14]);
  const yCount = linear([0, maxDecisions], [height - 40, 14]);
  const cx = i => pad + step * (i + 0.5);
  const bars = periods.map((p, i) => svg('rect', {
    x: cx(i) - Math.min(step * 0.35, 30), y: yCount(p.decisions), width: Math.min(step * 0.7, 60), height: yCount(0) - yCount(p.decisions), fill: '#d9dde3',
  }));
  const withRate = periods.map((p, i) => [i, p]).filter(([, p]) => p.overrideRate !== null);
  const line = withRate.map(([i, p], k) => `${k ? 'L' : 'M'}${cx(i)},${yRate(p.overrideRate)}`).join(' ');
  const every = Math.ceil(periods.length / 8);
  return picture(width, height, `Afwijkingspercentage per ${periodLabel}, met het aantal besluiten als grijze staven`, [
    ...bars,
    ...[0, 0.25, 0.5, 0.75, 1].flatMap(t => [
      svg('line', { x1: pad, x2: width - 44, y1: yRate(t), y2: yRate(t), stroke: '#e6e9ee' }),
      svg('text', { x: pad - 6, y: yRate(t) + 4, 'text-anchor': 'end', 'font-size': 11, fill: INK }, [fmt.percent(t)]),
    ]),
    svg('path', { d: line, fill: 'none', stroke: ACCENT, 'stroke-width': 2.5 }),
    ...withRate.map(([i, p]) => svg('circle', { cx: cx(i), cy: yRate(p.overrideRate), r: 4, fill: ACCENT },
      [svg('title', {}, [`${name(p)}: ${p.overrides} van ${p.decisions} besluiten (${fmt.percent(p.overrideRate)})`])])),
    ...periods.map((p, i) => (i % every ? null : svg('text', { x: cx(i), y: height - 22, 'text-anchor': 'middle', 'font-size': 11, fill: INK }, [name(p)]))).filter(Boolean),
  ]);
}

/** Horizontal bars: a value per label, on a scale from `from` (0 unless told) to `to` (the largest value unless told). */
export function barChart(rows, label, { from = 0, to = Math.max(...rows.map(r => r.value), 1) } = {}) {
  const width = 640, rowHeight = 28, labelWidth = 330;
  const x = linear([from, to], [0, width - labelWidth - 90]);
  return picture(width, rows.length * rowHeight + 6, label, rows.flatMap((r, i) => [
    svg('text', { x: labelWidth - 8, y: i * rowHeight + 19, 'text-anchor': 'end', 'font-size': 13, fill: INK }, [r.label]),
    svg('rect', { x: labelWidth, y: i * rowHeight + 5, width: Math.max(x(r.value), 1), height: rowHeight - 10, fill: ACCENT }),
    svg('text', { x: labelWidth + x(r.value) + 6, y: i * rowHeight + 19, 'font-size': 13, fill: INK }, [r.text]),
  ]));
}

/**
 * A Qini curve: the gain (share with work, over giving nothing) when the share of clients with the
 * largest predicted effect get their advice, with its 95 % band; the straight line is random targeting.
 */
export function qiniCurve(points) {
  const width = 360, height = 240, pad = 48;
  const all = [{ share: 0, gain: 0, gainLower: 0, gainUpper: 0 }, ...points];
  const values = all.flatMap(p => [p.gainLower, p.gainUpper]).filter(Number.isFinite).concat(0);
  const low = Math.min(...values), high = Math.max(...values, 0.01);
  const x = linear([0, 1], [pad, width - 12]);
  const y = linear([low, high], [height - pad, 12]);
  const line = key => all.filter(p => Number.isFinite(p[key])).map((p, i) => `${i ? 'L' : 'M'}${x(p.share)},${y(p[key])}`).join(' ');
  const band = `${line('gainUpper')} ${[...all].reverse().filter(p => Number.isFinite(p.gainLower))
    .map(p => `L${x(p.share)},${y(p.gainLower)}`).join(' ')} Z`;
  const last = all[all.length - 1];
  return picture(width, height, `Qini-curve: bij iedereen geadviseerd ${fmt.points(100 * last.gain)} procentpunt winst`, [
    svg('rect', { x: pad, y: 12, width: width - 12 - pad, height: height - pad - 12, fill: '#fafbfc', stroke: '#d0d7e1' }),
    svg('path', { d: band, fill: ACCENT, 'fill-opacity': 0.15, stroke: 'none' }),
    svg('line', { x1: x(0), y1: y(0), x2: x(1), y2: y(last.gain), stroke: MUTED, 'stroke-dasharray': '4 3' }),
    svg('path', { d: line('gain'), fill: 'none', stroke: ACCENT, 'stroke-width': 2 }),
    ...[0, 0.5, 1].map(t => svg('text', { x: x(t), y: height - pad + 16, 'text-anchor': 'middle', 'font-size': 11, fill: INK }, [fmt.percent(t)])),
    ...[low, high].map(t => svg('text', { x: pad - 6, y: y(t) + 4, 'text-anchor': 'end', 'font-size': 11, fill: INK }, [`${fmt.points(100 * t)} pp`])),
    svg('text', { x: (pad + width) / 2, y: height - 8, 'text-anchor': 'middle', 'font-size': 12, fill: INK }, ['deel van de klanten dat advies krijgt']),
  ]);
}
