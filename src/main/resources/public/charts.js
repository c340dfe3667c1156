/*
 * nendo — line charts with Chart.js (served from its WebJar; global `Chart`).
 * Every chart sits in a fixed-height box (so it renders headless and does not grow), draws
 * without animation, and has a table beside it with the same numbers for screen readers.
 */
(() => {
  'use strict';

  const N = window.nendo;
  const { h } = N;

  // Distinguishable colours (Okabe–Ito first), dashes and point shapes: lines differ without colour too,
  // and a line lying on another still shows through its gaps.
  const COLORS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#7f3c8d', '#4d4d4d',
    '#a6761d', '#1b9e77', '#e7298a', '#666600'];
  const DASHES = [[], [7, 4], [2, 3], [10, 3, 2, 3]];
  const SHAPES = ['circle', 'rect', 'triangle', 'rectRot', 'crossRot', 'star', 'rectRounded', 'cross'];

  let configured = false;

  function configure() {
    if (configured || !window.Chart) return;
    configured = true;
    const body = getComputedStyle(document.body);
    window.Chart.defaults.font.family = body.fontFamily;
    window.Chart.defaults.color = '#1d2228';
  }

  /** Destroys the charts drawn in (canvases under) root, before root's content is replaced. */
  function destroyIn(root) {
    if (!window.Chart || !root) return;
    for (const canvas of root.querySelectorAll('canvas')) {
      const chart = window.Chart.getChart(canvas);
      if (chart) chart.destroy();
    }
  }

  /**
   * Prepares a line chart in a new fixed-height box and returns { box, draw }: put box in the
   * document, then call draw() (Chart.js measures the box), which returns the Chart or null.
   * series: [{ label, data }] (null = no value: a gap, never joined across).
   * opts: { labels, yTitle, ariaLabel, integer, tick(v), tooltip(seriesLabel, v, seriesIndex, index),
   *         onPoint(seriesIndex, index) }
   */
  function lineChart(opts) {
    const canvas = h('canvas', { role: 'img', 'aria-label': opts.ariaLabel },
      `${opts.ariaLabel}（数値は下の表にあります）`);
    const box = h('div', { class: 'chart-box' }, canvas);
    if (!window.Chart) {
      box.replaceChildren(h('p', { class: 'muted' }, 'グラフを表示できませんでした（グラフの部品を読み込めませんでした）。表をご覧ください。'));
      return { box, draw: () => null };
    }
    configure();
    const tick = opts.tick || ((v) => N.fmtNum(v));
    const config = {
      type: 'line',
      data: {
        labels: opts.labels,
        datasets: opts.series.map((s, i) => ({
          label: s.label,
          data: s.data,
          borderColor: COLORS[i % COLORS.length],
          backgroundColor: COLORS[i % COLORS.length],
          pointStyle: SHAPES[i % SHAPES.length],
          pointRadius: 4,
          pointHoverRadius: 7,
          pointHitRadius: 6,
          borderWidth: 2,
          borderDash: DASHES[i % DASHES.length],
          tension: 0,
          spanGaps: false,
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: 'nearest', intersect: true },
        scales: {
          x: { grid: { display: false } },
          y: {
            beginAtZero: true,
            title: { display: !!opts.yTitle, text: opts.yTitle },
            ticks: { precision: opts.integer ? 0 : undefined, callback: (v) => tick(v) },
          },
        },
        plugins: {
          legend: { position: 'bottom', labels: { usePointStyle: true, boxHeight: 8 } },
          tooltip: {
            callbacks: {
              label: (ctx) => (opts.tooltip
                ? opts.tooltip(ctx.dataset.label, ctx.parsed.y, ctx.datasetIndex, ctx.dataIndex)
                : `${ctx.dataset.label}: ${tick(ctx.parsed.y)}`),
            },
          },
        },
      },
    };
    if (opts.onPoint) {
      config.options.onClick = (evt, elements) => {
        if (elements.length) opts.onPoint(elements[0].datasetIndex, elements[0].index);
      };
      config.options.onHover = (evt, elements) => {
        canvas.style.cursor = elements.length ? 'pointer' : 'default';
      };
    }
    return { box, draw: () => new window.Chart(canvas, config) };
  }

  N.charts = { lineChart, destroyIn, COLORS };
})();
