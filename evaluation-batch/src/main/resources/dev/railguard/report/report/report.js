(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("railguard-data").textContent);
  var NS = "http://www.w3.org/2000/svg";
  var COLORS = { pass: "#2e9d5b", fail: "#d64541", error: "#e8932a", skipped: "#9aa3ad" };

  function el(name, attrs, parent, text) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) { e.setAttribute(k, attrs[k]); }
    if (text !== undefined) { e.textContent = text; }
    if (parent) { parent.appendChild(e); }
    return e;
  }
  function pct(x) { return x === null || x === undefined ? "n/a" : Math.round(x * 100) + "%"; }

  // Stacked horizontal bars: one row per key, segments pass / fail / error / skipped.
  function stacked(containerId, rows) {
    var box = document.getElementById(containerId);
    if (!box) { return; }
    var names = Object.keys(rows);
    if (names.length === 0) { box.textContent = "Nothing to show."; return; }
    var rowH = 26, labelW = 150, barW = 300, rightW = 80, height = names.length * rowH + 8;
    var svg = el("svg", { "class": "chart stacked", width: "100%", height: height,
      viewBox: "0 0 " + (labelW + barW + rightW) + " " + height, preserveAspectRatio: "xMinYMin meet",
      role: "img", "aria-label": containerId }, box);
    names.forEach(function (name, i) {
      var r = rows[name], y = i * rowH + 4;
      var total = r.pass + r.fail + r.error + r.skipped;
      el("text", { x: labelW - 8, y: y + 15, "text-anchor": "end" }, svg, name.length > 24 ? name.slice(0, 23) + "\u2026" : name);
      var x = labelW;
      ["pass", "fail", "error", "skipped"].forEach(function (k) {
        if (!r[k]) { return; }
        var w = total === 0 ? 0 : barW * r[k] / total;
        var rect = el("rect", { "class": "seg seg-" + k, x: x, y: y, width: Math.max(w, 1), height: rowH - 8, fill: COLORS[k], rx: 2 }, svg);
        el("title", {}, rect, k + ": " + r[k]);
        if (w > 22) { el("text", { x: x + w / 2, y: y + 13, "text-anchor": "middle", fill: "#fff", style: "fill:#fff" }, svg, String(r[k])); }
        x += w;
      });
      el("text", { x: labelW + barW + 8, y: y + 15 }, svg, pct(r.pass_rate) + " pass");
    });
  }

  // Score histogram: ten bins over [0, 1], red to green.
  function histogram(parent, name, m) {
    var w = 230, h = 110, pad = 18, bw = (w - 2 * pad) / 10;
    var max = Math.max.apply(null, m.histogram.concat([1]));
    var svg = el("svg", { "class": "chart histogram", "data-metric": name, width: w, height: h + 18, role: "img",
      "aria-label": "score histogram of " + name }, parent);
    el("line", { "class": "axis", x1: pad, y1: h, x2: w - pad, y2: h }, svg);
    m.histogram.forEach(function (count, i) {
      var bh = (h - 14) * count / max;
      var hue = Math.round(120 * i / 9);
      var rect = el("rect", { "class": "bar", x: pad + i * bw + 1, y: h - bh, width: bw - 2, height: Math.max(bh, count ? 1 : 0),
        fill: "hsl(" + hue + ",55%,48%)", rx: 1 }, svg);
      el("title", {}, rect, (i / 10).toFixed(1) + "-" + ((i + 1) / 10).toFixed(1) + ": " + count);
      if (count) { el("text", { x: pad + i * bw + bw / 2, y: h - bh - 3, "text-anchor": "middle", "class": "muted" }, svg, String(count)); }
    });
    el("text", { x: pad, y: h + 14, "class": "muted" }, svg, "0");
    el("text", { x: w / 2, y: h + 14, "text-anchor": "middle", "class": "muted" }, svg, "score");
    el("text", { x: w - pad, y: h + 14, "text-anchor": "end", "class": "muted" }, svg, "1");
  }

  function histograms() {
    var box = document.getElementById("histograms");
    Object.keys(data.metrics).forEach(function (name) {
      var m = data.metrics[name];
      var card = document.createElement("div");
      card.className = "hist";
      var title = document.createElement("h3");
      title.textContent = name;
      card.appendChild(title);
      var meta = document.createElement("div");
      meta.className = "meta";
      var scored = m.pass + m.fail;
      meta.textContent = scored === 0 ? "no scored result (" + m.skipped + " skipped, " + m.error + " errors)"
        : scored + " scored, mean " + (m.mean_score === null ? "n/a" : m.mean_score.toFixed(2)) + ", pass rate " + pct(m.pass_rate);
      card.appendChild(meta);
      if (scored > 0) { histogram(card, name, m); }
      box.appendChild(card);
    });
  }

  function judges() {
    var box = document.getElementById("judges");
    var names = Object.keys(data.usage.calls_by_judge);
    if (names.length === 0) { box.textContent = "No judge was called."; return; }
    var max = Math.max.apply(null, names.map(function (n) { return data.usage.calls_by_judge[n]; }));
    var svg = el("svg", { "class": "chart judges", width: 560, height: names.length * 24 + 6 }, box);
    names.forEach(function (n, i) {
      var c = data.usage.calls_by_judge[n], w = 300 * c / max;
      el("text", { x: 182, y: i * 24 + 16, "text-anchor": "end" }, svg, n);
      el("rect", { "class": "bar judge-bar", x: 190, y: i * 24 + 4, width: Math.max(w, 1), height: 16, fill: "#3b6fd8", rx: 2 }, svg);
      el("text", { x: 196 + w, y: i * 24 + 16 }, svg, c + " calls");
    });
  }

  var tags = {};
  Object.keys(data.nametags).forEach(function (t) { tags[t] = data.nametags[t]; });
  stacked("metric-bars", data.metrics);
  stacked("nametag-bars", tags);
  histograms();
  judges();
  document.body.setAttribute("data-charts", "drawn");
})();
