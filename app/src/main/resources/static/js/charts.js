// Dondoc charts: draws Chart.js charts from the data tables a page already shows, so that every chart has
// its table (for screen readers, for printing, without JavaScript) and both always say the same.
// Usage (see CONTRIBUTING.md, "Charts"): load /webjars/chart.js/dist/chart.umd.min.js and this file, and mark
// up a <figure data-chart="bar|line|doughnut"> holding a <figcaption> and a <table>:
//   - each tbody row is a category: its label is the row's <th scope="row">;
//   - each <td data-value="12.5"> is a value (the raw number; the cell's text is what people read); its
//     series is named by the <thead> cell of the same column; cells with data-chart-skip are left out;
//   - options on the figure: data-chart-horizontal, data-chart-stacked, data-chart-max="100",
//     data-chart-unit="%".
// The canvas goes right after the caption; its aria-label is the caption. Pages that build tables later
// call DondocCharts.render(figure) (again after changing the table: the chart is redrawn).
(function () {
  'use strict';

  var PALETTE = ['#0b57a4', '#a5151b', '#2e7d32', '#f2b705', '#6a3d9a', '#00838f', '#ef6c00', '#5b6673'];

  function lang() { return document.documentElement.lang || 'vi'; }

  function number(value) {
    return new Intl.NumberFormat(lang(), { maximumFractionDigits: 1 }).format(value);
  }

  /** {labels, series: [{name, values}]} read from the figure's table. */
  function read(table) {
    var headers = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) { return th.textContent.trim(); });
    var labels = [];
    var series = [];
    Array.prototype.forEach.call(table.querySelectorAll('tbody tr'), function (row) {
      var head = row.querySelector('th');
      labels.push(head ? head.textContent.trim() : '');
      var index = 0;
      Array.prototype.forEach.call(row.cells, function (cell, column) {
        if (cell.tagName !== 'TD' || !cell.hasAttribute('data-value') || cell.hasAttribute('data-chart-skip')) return;
        if (!series[index]) series[index] = { name: headers[column] || '', values: [] };
        var raw = cell.getAttribute('data-value');
        series[index].values.push(raw === '' ? null : Number(raw));
        index++;
      });
    });
    return { labels: labels, series: series };
  }

  /** A long category label as lines of at most max characters (Chart.js draws an array as lines). */
  function wrap(label, max) {
    if (label.length <= max) return label;
    var lines = [];
    var line = '';
    label.split(/\s+/).forEach(function (word) {
      if (line && (line + ' ' + word).length > max) { lines.push(line); line = word; } else { line = line ? line + ' ' + word : word; }
    });
    if (line) lines.push(line);
    return lines;
  }

  function config(figure, data) {
    var type = figure.getAttribute('data-chart') || 'bar';
    var horizontal = figure.hasAttribute('data-chart-horizontal');
    var stacked = figure.hasAttribute('data-chart-stacked');
    var unit = figure.getAttribute('data-chart-unit') || '';
    var max = figure.getAttribute('data-chart-max');
    var round = type === 'doughnut' || type === 'pie';
    // data-chart-colours="#a,#b,…": one colour per series where the colour means something (overdue red)
    var colours = (figure.getAttribute('data-chart-colours') || '').split(',').filter(function (c) { return c; });
    var datasets = data.series.map(function (s, i) {
      var colour = colours[i] || PALETTE[i % PALETTE.length];
      return {
        label: s.name,
        data: s.values,
        backgroundColor: round ? data.labels.map(function (l, j) { return PALETTE[j % PALETTE.length]; }) : colour,
        borderColor: round ? '#fff' : colour,
        borderWidth: round ? 2 : (type === 'line' ? 2 : 0),
        fill: false,
        tension: 0.2
      };
    });
    var valueAxis = { beginAtZero: true, stacked: stacked, ticks: { callback: function (v) { return number(v) + unit; } } };
    if (max) valueAxis.max = Number(max);
    // Counts get whole-number ticks (no "0,5 initiatives").
    var whole = data.series.every(function (s) { return s.values.every(function (v) { return v === null || v % 1 === 0; }); });
    if (!unit && whole) valueAxis.ticks.precision = 0;
    var categoryAxis = { stacked: stacked, ticks: { autoSkip: false } };
    var options = {
      responsive: true,
      maintainAspectRatio: false,
      animation: false, // figures, not a show: and a chart is complete as soon as it is drawn
      indexAxis: horizontal ? 'y' : 'x',
      plugins: {
        legend: { display: round || data.series.length > 1, position: 'bottom' },
        tooltip: {
          callbacks: {
            label: function (ctx) {
              var v = ctx.raw === null || ctx.raw === undefined ? '—' : number(ctx.raw) + unit;
              return (round ? ctx.label : ctx.dataset.label) + ': ' + v;
            }
          }
        }
      }
    };
    if (!round) options.scales = horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis };
    // On a phone the category labels would take the chart's width or be cut: wrap them, again when the
    // width crosses the line (a phone turned, a window resized).
    var narrow = isNarrow(figure);
    options.onResize = function (chart) {
      if (isNarrow(figure) === narrow) return;
      narrow = isNarrow(figure);
      figure.querySelector('.chart-canvas').style.height = height(figure, data);
      chart.data.labels = labels(data, round, narrow);
      chart.update('none');
    };
    return { type: type, data: { labels: labels(data, round, narrow), datasets: datasets }, options: options };
  }

  function isNarrow(figure) { return figure.clientWidth < 560; }

  function labels(data, round, narrow) {
    return round ? data.labels : data.labels.map(function (l) { return wrap(l, narrow ? 14 : 32); });
  }

  /** Height for the chart's box: horizontal bars grow with their number, so that every label fits. */
  function height(figure, data) {
    if (figure.hasAttribute('data-chart-horizontal')) {
      var lines = isNarrow(figure) ? 2 : 1;
      return Math.max(160, 22 * lines * data.labels.length + 14 * data.labels.length + 60) + 'px';
    }
    return figure.getAttribute('data-chart') === 'doughnut' ? '300px' : '280px';
  }

  /** Draws (or redraws) the chart of one figure; returns the Chart instance, or null without Chart.js. */
  function render(figure) {
    var table = figure.querySelector('table');
    if (!table || !window.Chart) return null;
    var data = read(table);
    var box = figure.querySelector('.chart-canvas');
    if (!box) {
      box = document.createElement('div');
      box.className = 'chart-canvas';
      var canvas = document.createElement('canvas');
      canvas.setAttribute('role', 'img');
      var caption = figure.querySelector('figcaption');
      canvas.setAttribute('aria-label', caption ? caption.textContent.trim() : '');
      box.appendChild(canvas);
      if (caption) caption.insertAdjacentElement('afterend', box); else figure.insertBefore(box, figure.firstChild);
    }
    box.style.height = height(figure, data);
    var existing = window.Chart.getChart(box.querySelector('canvas'));
    if (existing) existing.destroy();
    return new window.Chart(box.querySelector('canvas'), config(figure, data));
  }

  /** Draws every figure[data-chart] under root (the whole page by default). */
  function renderAll(root) {
    return Array.prototype.map.call((root || document).querySelectorAll('figure[data-chart]'), render);
  }

  window.DondocCharts = { render: render, renderAll: renderAll, read: read };
  document.addEventListener('DOMContentLoaded', function () { renderAll(document); });
})();
