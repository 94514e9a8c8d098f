// newsevents dashboard: plain browser JavaScript, no build step.
//
// Every string that comes from an article (titles, sentences, actor names, URLs) is untrusted.
// The DOM is therefore built with createElement/textContent only, highlights are made by
// splitting text into text nodes, and links are kept only for http(s) URLs.
"use strict";

(() => {
  // The PLOVER types in their order, split into PLOVER's two halves, and the colour each is
  // drawn in: the server's (GET /api/types), read once at start-up.
  const TYPES = { all: [], cooperation: [], conflict: [], colour: {} };
  const DEAL_STATUSES = [
    "proposed", "negotiating", "ordered", "delivering", "delivered", "cancelled", "suspended",
    "at_risk",
  ];
  const STATUS_COLOR = {
    proposed: "#9aa5b1", negotiating: "#e0a030", ordered: "#2b6cb0", delivering: "#2a9d8f",
    delivered: "#1a7f4b", cancelled: "#c43c2c", suspended: "#7e2135", at_risk: "#e0762c",
  };
  const EDGE_CLASSES = [
    { cls: "coop", label: "mostly cooperation", max: 1 / 3 },
    { cls: "mixed", label: "mixed", max: 2 / 3 },
    { cls: "conf", label: "mostly conflict", max: Infinity },
  ];
  // The network layout is computed without animation, cooling in this many steps instead of
  // d3's 300: a graph of a few dozen countries has settled long before, at a fraction of the cost.
  const NETWORK_TICKS = 120;
  // The timeline first shows the shortest run of periods that holds this share of the events.
  const FOCUS_SHARE = 0.8;
  const PAGE_SIZE = 50;
  const DEALS_LIMIT = 500;
  const SVG_NS = "http://www.w3.org/2000/svg";
  const fmt = d3.format(",");
  const plural = (n, word) => `${fmt(n)} ${word}${n === 1 ? "" : "s"}`;
  const parseDay = d3.utcParse("%Y-%m-%d");

  const state = {
    view: "overview",
    filters: { country: "", type: "", start: "", end: "" },
    interval: "auto",
    timelineRange: "focus",
    eventsPage: 0,
    selectedEvent: null,
    loadedKey: {},
    generation: {},
  };
  const names = { byIso3: new Map(), byNumeric: new Map() };
  const cache = { world: null, shapes: null, overview: null, names: null };

  // ---------------------------------------------------------------- DOM helpers

  /** Create an element; string children become text nodes, never markup. */
  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key === "dataset") Object.assign(node.dataset, value);
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  /** An SVG element with these attributes; for charts of thousands of marks, where d3's
   * selections cost more than the drawing itself. */
  function svgEl(tag, attrs) {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
    return node;
  }

  /** A hover tip on an SVG element, as text. */
  function svgTitle(node, text) {
    const title = document.createElementNS(SVG_NS, "title");
    title.textContent = text;
    node.append(title);
    return node;
  }

  function clear(node) {
    node.replaceChildren();
    return node;
  }

  /** Replace a container's content; like append, it skips null children instead of printing "null". */
  function fill(node, ...children) {
    return append(clear(node), children);
  }

  /** Keep a link only when it points to a web page: no javascript:, data: or relative URLs. */
  function safeUrl(url) {
    if (!url) return null;
    try {
      const parsed = new URL(url);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch {
      return null;
    }
  }

  function externalLink(url, label) {
    const href = safeUrl(url);
    if (!href) return null;
    return el("a", { href, target: "_blank", rel: "noopener noreferrer nofollow" }, label);
  }

  function countryName(code) {
    return names.byIso3.get(code) || code;
  }

  function actorCode(actor) {
    return actor.igo || [actor.country, actor.sector].filter(Boolean).join(" ") || "?";
  }

  function actorChips(actors) {
    if (!actors || actors.length === 0) return el("span", { class: "muted", text: "—" });
    return el("span", { class: "actors" }, actors.map((a) =>
      el("span", { class: "actor", title: a.name || a.text },
        el("span", { class: "actor-code", text: actorCode(a) }),
        el("span", { class: "actor-name", text: a.name || a.text }))));
  }

  function typeBadge(type, mode) {
    const cls = TYPES.cooperation.includes(type) ? "coop" : "conf";
    return el("span", { class: `badge ${cls}` }, type, mode ? el("small", { text: ` ${mode}` }) : null);
  }

  function statusBadge(status) {
    const badge = el("span", { class: "badge status", text: (status || "unknown").replace("_", " ") });
    badge.style.setProperty("--status", STATUS_COLOR[status] || "#9aa5b1");
    return badge;
  }

  function swatch(color) {
    const node = el("span", { class: "swatch" });
    node.style.background = color;
    return node;
  }

  function locationLabel(loc) {
    if (!loc) return "";
    return loc.country ? `${loc.name} (${loc.country})` : loc.name;
  }

  // ---------------------------------------------------------------- highlighting

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  /**
   * Every [start, end) where `needle` occurs in `text` as whole words, ignoring case: the
   * trigger "met" must not light up inside "metres".
   */
  function occurrences(text, needle) {
    const edge = (ch) => (/\w/.test(ch) ? "\\b" : "");
    const word = new RegExp(`${edge(needle[0])}${escapeRegExp(needle)}${edge(needle.at(-1))}`, "gi");
    return [...text.matchAll(word)].map((m) => [m.index, m.index + m[0].length]);
  }

  /**
   * Split `sentence` into text nodes and <mark> elements: the trigger and each actor's words.
   * The first occurrence that does not overlap an earlier mark wins; nothing is parsed as HTML.
   */
  function highlighted(sentence, marks) {
    const spans = [];
    for (const { text, cls, label } of marks) {
      if (!text || !text.trim()) continue;
      const free = occurrences(sentence, text.trim()).find(([s, e]) =>
        spans.every((span) => e <= span.start || s >= span.end));
      if (free) spans.push({ start: free[0], end: free[1], cls, label });
    }
    spans.sort((a, b) => a.start - b.start);
    const out = el("span", { class: "evidence" });
    let pos = 0;
    for (const span of spans) {
      out.append(document.createTextNode(sentence.slice(pos, span.start)));
      out.append(el("mark", { class: span.cls, title: span.label, text: sentence.slice(span.start, span.end) }));
      pos = span.end;
    }
    out.append(document.createTextNode(sentence.slice(pos)));
    return out;
  }

  function actorMarks(actors, cls, label) {
    return (actors || []).map((a) => ({ text: a.text, cls, label: `${label}: ${actorCode(a)}` }));
  }

  function evidenceFor(sentence, trigger, sources, targets) {
    return highlighted(sentence || "", [
      { text: trigger, cls: "hl-trigger", label: "trigger" },
      ...actorMarks(sources, "hl-source", "source"),
      ...actorMarks(targets, "hl-target", "target"),
    ]);
  }

  function highlightLegend() {
    return el("div", { class: "hl-legend" },
      el("mark", { class: "hl-trigger", text: "trigger" }),
      el("mark", { class: "hl-source", text: "source actor" }),
      el("mark", { class: "hl-target", text: "target actor" }));
  }

  // ---------------------------------------------------------------- API

  async function api(path, params = {}, init = {}) {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
      if (value !== "" && value !== null && value !== undefined) query.set(key, value);
    }
    const qs = query.toString();
    const response = await fetch(`api/${path}${qs ? `?${qs}` : ""}`, init);
    if (!response.ok) throw new Error(await errorMessage(response));
    return response.json();
  }

  async function errorMessage(response) {
    try {
      const body = await response.json();
      const detail = body.detail;
      if (typeof detail === "string") return detail;
      if (Array.isArray(detail)) return detail.map((d) => d.msg).join("; ");
    } catch {
      // the body was not JSON: the status line is the best message left
    }
    return `The server answered ${response.status} ${response.statusText}.`;
  }

  function setStatus(text, isError = false) {
    const node = document.getElementById("status");
    node.textContent = text;
    node.classList.toggle("error", isError);
  }

  // ---------------------------------------------------------------- filters and routing

  function filterKey() {
    return JSON.stringify([state.filters, state.interval, state.timelineRange]);
  }

  function readHash() {
    const [view, qs] = location.hash.slice(1).split("?");
    state.view = ["overview", "events", "deals", "code"].includes(view) ? view : "overview";
    const params = new URLSearchParams(qs || "");
    for (const key of Object.keys(state.filters)) state.filters[key] = params.get(key) || "";
  }

  function writeHash() {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(state.filters)) if (value) params.set(key, value);
    const qs = params.toString();
    const hash = `#${state.view}${qs ? `?${qs}` : ""}`;
    if (location.hash !== hash) history.replaceState(null, "", hash);
  }

  function syncForm() {
    ensureCountryOption(state.filters.country);
    document.getElementById("f-country").value = state.filters.country;
    document.getElementById("f-type").value = state.filters.type;
    document.getElementById("f-start").value = state.filters.start;
    document.getElementById("f-end").value = state.filters.end;
  }

  function setFilters(changes) {
    Object.assign(state.filters, changes);
    state.eventsPage = 0;
    syncForm();
    writeHash();
    showView();
  }

  function showView() {
    for (const section of document.querySelectorAll(".view")) {
      section.hidden = section.dataset.view !== state.view;
    }
    for (const tab of document.querySelectorAll(".tab")) {
      tab.classList.toggle("active", tab.dataset.view === state.view);
      if (tab.dataset.view === state.view) tab.setAttribute("aria-current", "page");
      else tab.removeAttribute("aria-current");
    }
    const load = LOADERS[state.view];
    const key = state.view === "events" ? `${filterKey()}#${state.eventsPage}` : filterKey();
    if (load && state.loadedKey[state.view] !== key) {
      state.loadedKey[state.view] = key;
      return runLoader(state.view, load);
    }
    if (state.view === "overview") redrawIfResized();
    return Promise.resolve();
  }

  /** Charts drawn while their tab was hidden (or before a resize) are redrawn at the real width. */
  function redrawIfResized() {
    const stale = Object.keys(OVERVIEW_PANELS).some((name) => {
      const container = document.getElementById(name);
      return container.dataset.drawn && Number(container.dataset.width) !== container.clientWidth;
    });
    if (stale) renderOverview();
  }

  /**
   * The panels' widths, read once before drawing: reading a width after a panel is drawn would
   * make the browser lay the whole page out again, once per panel.
   */
  function panelWidths() {
    return Object.fromEntries(Object.keys(OVERVIEW_PANELS).map((name) =>
      [name, document.getElementById(name).clientWidth]));
  }

  /**
   * Run a view's loader, exposing its progress as data-state for people and tests alike.
   * Loaders draw only while ``isCurrent()``: a slow answer to an old filter must never
   * overwrite the answer to the current one.
   */
  async function runLoader(view, load) {
    const section = document.getElementById(`view-${view}`);
    const generation = (state.generation[view] || 0) + 1;
    state.generation[view] = generation;
    const isCurrent = () => state.generation[view] === generation;
    section.dataset.state = "loading";
    setStatus("Loading…");
    const began = performance.now();
    try {
      await load(isCurrent);
      if (!isCurrent()) return;
      performance.measure(`newsevents:${view}`, { start: began });
      section.dataset.state = "ready";
      setStatus("");
    } catch (error) {
      if (state.generation[view] !== generation) return;
      section.dataset.state = "error";
      state.loadedKey[view] = null;
      setStatus(error.message, true);
    }
  }

  // ---------------------------------------------------------------- overview

  const OVERVIEW_PANELS = {
    timeline: (o) => renderTimeline(document.getElementById("timeline"), o.timeline, o.widths.timeline),
    map: (o) => renderMap(document.getElementById("map"), o.world, o.places, o.widths.map),
    network: (o) => renderNetwork(document.getElementById("network"), o.network, o.widths),
  };

  /**
   * All requests go out at once and each panel is drawn as soon as its own data arrives, so a
   * slow aggregate (the network on a large store) holds back neither the timeline nor the map;
   * until then the old drawing stays, dimmed. The event count only feeds the headline figures.
   */
  async function loadOverview(isCurrent) {
    const filters = { ...state.filters };
    const overview = { widths: panelWidths() };
    for (const name of Object.keys(OVERVIEW_PANELS)) document.getElementById(name).classList.add("stale");
    const panel = (name, request) => Promise.all([request, cache.names]).then(([data]) => {
      if (!isCurrent()) return null;
      Object.assign(overview, data);
      return drawAtNextFrame(name, overview, isCurrent);
    });
    const total = api("events", { ...filters, limit: 1 }).then((events) => {
      if (!isCurrent()) return;
      overview.total = events.total;
      renderKpis(overview);
    });
    await Promise.all([
      total,
      panel("timeline", loadTimeline(filters).then((timeline) => ({ timeline }))),
      panel("map", Promise.all([loadWorld(), api("places", filters)])
        .then(([world, places]) => ({ world, places }))),
      panel("network", api("network", filters).then((network) => ({ network }))),
    ]);
  }

  const pendingDraws = { panels: new Map(), frame: null };

  /**
   * Panels whose data came in before the next frame are drawn together in that frame, the
   * timeline first: the browser then lays out and paints the page once, not once per panel.
   */
  function drawAtNextFrame(name, overview, isCurrent) {
    return new Promise((resolve) => {
      pendingDraws.panels.set(name, { overview, isCurrent, resolve });
      pendingDraws.frame ||= requestAnimationFrame(() => {
        const due = pendingDraws.panels;
        pendingDraws.panels = new Map();
        pendingDraws.frame = null;
        for (const panel of Object.keys(OVERVIEW_PANELS)) {
          const draw = due.get(panel);
          if (!draw) continue;
          if (draw.isCurrent()) {
            cache.overview = draw.overview;
            drawPanel(panel);
          }
          draw.resolve();
        }
      });
    });
  }

  /** Marks when each panel is on the page, and measures how long drawing it took. */
  function drawPanel(name) {
    const container = document.getElementById(name);
    const began = performance.now();
    OVERVIEW_PANELS[name](cache.overview);
    container.classList.remove("stale");
    container.dataset.drawn = "1";
    container.dataset.width = String(cache.overview.widths[name]);
    renderKpis(cache.overview);
    performance.measure(`newsevents:draw:${name}`, { start: began });
    performance.mark(`newsevents:overview:${name}`);
  }

  function renderOverview() {
    cache.overview.widths = panelWidths();
    for (const name of Object.keys(OVERVIEW_PANELS)) {
      if (document.getElementById(name).dataset.drawn) drawPanel(name);
    }
  }

  /**
   * With "auto", fall back to finer intervals until the chart has a few bars to compare within
   * the range it shows: by default the range of most events (see ``focusRange``).
   */
  async function loadTimeline(filters) {
    const timeline = (interval, rows) => ({ interval, rows, focus: focusRange(rows, interval) });
    if (state.interval !== "auto") {
      return timeline(state.interval, await api("timeline", { ...filters, interval: state.interval }));
    }
    let chosen = null;
    for (const interval of ["month", "week", "day"]) {
      chosen = timeline(interval, await api("timeline", { ...filters, interval }));
      if (new Set(shownRows(chosen).map((r) => r.period)).size >= 4) break;
    }
    return chosen;
  }

  /**
   * The range of most events, and how many events lie outside it (null when none do): the
   * shortest run of periods holding 80% of the events, widened to take in every period closer to
   * it than its own length. A few background events dated years or decades back ("the 1979
   * revolution") would otherwise stretch the axis and squeeze the weeks of news into a sliver;
   * events spread evenly, or in clusters of similar weight, keep the whole range.
   */
  function focusRange(rows, interval) {
    const step = intervalStep(interval);
    const periods = [...d3.rollup(rows, (v) => d3.sum(v, (r) => r.count), (r) => r.period)]
      .sort(([a], [b]) => d3.ascending(a, b))
      .map(([period, count]) => ({ period, count, start: parseDay(period) }));
    const wanted = FOCUS_SHARE * d3.sum(periods, (p) => p.count);
    let core = null;
    let held = 0;
    let lo = 0;
    periods.forEach((last, hi) => {
      held += last.count;
      while (held - periods[lo].count >= wanted) held -= periods[lo++].count;
      const span = step(last.start) - periods[lo].start;
      if (held >= wanted && (!core || span < core.span)) core = { lo, hi, span };
    });
    if (!core) return null;
    let { lo: first, hi: last } = core;
    // Measured from the core, not from the last period taken in: background events a year
    // apart must not chain the range back through the decades.
    const near = (before, after) => after.start - step(before.start) <= core.span;
    while (first > 0 && near(periods[first - 1], periods[core.lo])) first -= 1;
    while (last < periods.length - 1 && near(periods[core.hi], periods[last + 1])) last += 1;
    const outside = d3.sum(periods, (p, i) => (i < first || i > last ? p.count : 0));
    return outside ? { from: periods[first].period, to: periods[last].period, outside } : null;
  }

  /** The timeline's rows within the range it shows: that of most events, unless all are asked for. */
  function shownRows({ rows, focus }) {
    if (!focus || state.timelineRange === "all") return rows;
    return rows.filter((r) => r.period >= focus.from && r.period <= focus.to);
  }

  /**
   * The URL of a data file the page preloads: the server versions it, and fetching the same URL
   * picks up the download the browser started while the scripts were still loading.
   */
  function assetUrl(id) {
    return document.getElementById(id).href;
  }

  /** Country shapes, fetched and decoded once per page; filters only change their colours. */
  function loadWorld() {
    cache.world ||= fetch(assetUrl("asset-world")).then(async (response) => {
      if (!response.ok) throw new Error("The world map could not be loaded.");
      const topo = await response.json();
      return topojson.feature(topo, topo.objects.countries).features;
    }).catch((error) => {
      cache.world = null;
      throw error;
    });
    return cache.world;
  }

  /** Headline figures from whatever panels have arrived; the others show an ellipsis. */
  function renderKpis({ timeline, total, places }) {
    const rows = timeline ? timeline.rows : [];
    const coop = d3.sum(rows.filter((r) => TYPES.cooperation.includes(r.event_type)), (r) => r.count);
    const conf = d3.sum(rows.filter((r) => TYPES.conflict.includes(r.event_type)), (r) => r.count);
    const dated = coop + conf;
    const share = (n) => (timeline ? (dated ? `${Math.round((100 * n) / dated)}%` : "—") : "…");
    const count = (n) => (n === undefined ? "…" : fmt(n));
    const countries = places && new Set(places.map((p) => p.country).filter(Boolean)).size;
    const kpi = (label, value, cls = "") =>
      el("div", { class: `kpi ${cls}` }, el("div", { class: "kpi-value", text: value }),
        el("div", { class: "kpi-label", text: label }));
    fill(document.getElementById("kpis"),
      kpi("events", count(total)),
      kpi("cooperation (dated events)", share(coop), "coop"),
      kpi("conflict (dated events)", share(conf), "conf"),
      kpi("countries with located events", count(countries)),
      kpi("geocoded places", count(places && places.length)),
    );
  }

  function intervalStep(interval) {
    if (interval === "day") return (d) => d3.utcDay.offset(d, 1);
    if (interval === "week") return (d) => d3.utcDay.offset(d, 7);
    return (d) => d3.utcMonth.offset(d, 1);
  }

  function emptyChart(container, text) {
    fill(container, el("p", { class: "empty", text }));
  }

  function renderTimeline(container, timeline, availableWidth) {
    const { interval, rows, focus } = timeline;
    renderRangeToggle(focus);
    if (rows.length === 0) return emptyChart(container, "No dated events for these filters.");
    const byPeriod = d3.rollup(shownRows(timeline), (v) => v, (r) => r.period);
    const data = [...byPeriod].map(([period, items]) => {
      const row = { period: parseDay(period), label: period };
      for (const type of TYPES.all) row[type] = 0;
      for (const item of items) {
        if (TYPES.colour[item.event_type]) {
          row[item.event_type] += TYPES.conflict.includes(item.event_type) ? -item.count : item.count;
        }
      }
      return row;
    }).filter((d) => d.period).sort((a, b) => a.period - b.period);
    const series = d3.stack().keys(TYPES.all).offset(d3.stackOffsetDiverging)(data);

    const width = Math.max(availableWidth, 320);
    const height = 280;
    const margin = { top: 12, right: 16, bottom: 28, left: 64 };
    const step = intervalStep(interval);
    const x = d3.scaleUtc()
      .domain([data[0].period, step(data.at(-1).period)])
      .range([margin.left, width - margin.right]);
    const low = d3.min(series, (s) => d3.min(s, (d) => d[0]));
    const high = d3.max(series, (s) => d3.max(s, (d) => d[1]));
    const y = d3.scaleLinear().domain([Math.min(low, -1), Math.max(high, 1)]).nice()
      .range([height - margin.bottom, margin.top]);

    const svg = d3.create("svg").attr("viewBox", `0 0 ${width} ${height}`)
      .attr("class", "timeline-svg").attr("role", "img")
      .attr("aria-label", "Event counts over time by PLOVER type");
    // One slot per period, shared by the types stacked in it.
    const slots = data.map((d) => {
      const left = x(d.period);
      const slot = x(step(d.period)) - left;
      const width = Math.max(1, Math.min(slot - 1, 56));
      return { x: left + (slot - width) / 2, width };
    });
    const bars = svg.append("g").node();
    for (const s of series) {
      const group = svgEl("g", { fill: TYPES.colour[s.key], "data-type": s.key });
      s.forEach((d, i) => {
        if (d[1] === d[0]) return;
        const top = y(d[1]);
        const rect = svgEl("rect", {
          class: "bar", x: slots[i].x, width: slots[i].width, y: top, height: Math.max(0, y(d[0]) - top),
        });
        group.append(svgTitle(rect, `${d.data.label} · ${s.key}: ${fmt(Math.abs(d[1] - d[0]))}`));
      });
      bars.append(group);
    }

    svg.append("line").attr("class", "zero")
      .attr("x1", margin.left).attr("x2", width - margin.right)
      .attr("y1", y(0)).attr("y2", y(0));
    svg.append("g").attr("class", "axis")
      .attr("transform", `translate(0,${height - margin.bottom})`)
      .call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(width / 110))).tickSizeOuter(0));
    svg.append("g").attr("class", "axis").attr("transform", `translate(${margin.left},0)`)
      .call(d3.axisLeft(y).tickValues(y.ticks(6).filter(Number.isInteger))
        .tickFormat((v) => d3.format("~s")(Math.abs(v))))
      .call((g) => g.select(".domain").remove());
    const axisLabel = (cls, text, from, to) => svg.append("text")
      .attr("class", `axis-label ${cls}`).attr("text-anchor", "middle")
      .attr("transform", `translate(16,${(from + to) / 2}) rotate(-90)`).text(text);
    axisLabel("coop", "cooperation", margin.top, y(0));
    axisLabel("conf", "conflict", y(0), height - margin.bottom);
    addDateBrush(svg, x, [[margin.left, margin.top], [width - margin.right, height - margin.bottom]]);
    fill(container, svg.node());
    renderTypeLegend(rows);
  }

  /** The way out to the events outside the range of most events, and back. */
  function renderRangeToggle(focus) {
    const button = document.getElementById("timeline-range");
    button.hidden = !focus;
    if (!focus) return;
    button.textContent = state.timelineRange === "focus"
      ? `Show all dates (${plural(focus.outside, "event")} outside this range)`
      : "Show the range of most events";
  }

  /** Dragging across the timeline sets the date-range filter; bars stay on top for their tips. */
  function addDateBrush(svg, x, extent) {
    const day = d3.utcFormat("%Y-%m-%d");
    const brush = d3.brushX().extent(extent).on("end", (event) => {
      if (!event.selection || !event.sourceEvent) return;
      const [from, to] = event.selection.map((px) => d3.utcDay.floor(x.invert(px)));
      if (+from === +to) return;
      setFilters({ start: day(from), end: day(to) });
    });
    svg.insert("g", ":first-child").attr("class", "brush").call(brush);
  }

  function renderTypeLegend(rows) {
    const present = new Set(rows.map((r) => r.event_type));
    const chip = (type) => el("button", {
      type: "button",
      class: `chip${present.has(type) ? "" : " absent"}${state.filters.type === type ? " selected" : ""}`,
      title: `Show only ${type}`,
      onclick: () => setFilters({ type: state.filters.type === type ? "" : type }),
    }, swatch(TYPES.colour[type]), type);
    fill(document.getElementById("timeline-legend"),
      el("span", { class: "legend-group", text: "Cooperation" }), ...TYPES.cooperation.map(chip),
      el("span", { class: "legend-group", text: "Conflict" }), ...TYPES.conflict.map(chip));
  }

  /** Events located in each country, summed over its geocoded places. */
  function countryCounts(places) {
    return d3.rollup(places.filter((p) => p.country), (v) => d3.sum(v, (p) => p.count), (p) => p.country);
  }

  /**
   * The projected outlines for a map of this size. Projecting ~180 countries is the costliest
   * part of drawing the map, so the outlines are kept for the page and, in the browser's
   * storage, for the next visit; the key names the shapes file's version and the size.
   */
  function worldShapes(features, width, height) {
    if (cache.shapes?.features === features && cache.shapes.width === width) return cache.shapes;
    const projection = d3.geoNaturalEarth1().fitExtent([[4, 4], [width - 4, height - 4]], { type: "Sphere" });
    const key = `${assetUrl("asset-world")}#${width}x${height}`;
    let outlines = storedShapes(key, features.length);
    if (!outlines) {
      outlines = projectShapes(projection, features);
      storeShapes(key, outlines);
    }
    cache.shapes = { features, width, projection, ...outlines };
    return cache.shapes;
  }

  function projectShapes(projection, features) {
    const path = d3.geoPath(projection).digits(1);
    return {
      sphere: path({ type: "Sphere" }),
      graticule: path(d3.geoGraticule10()),
      countries: features.map((f) => path(f)),
    };
  }

  const SHAPES_STORAGE = "newsevents:map-shapes";

  /** Outlines saved by an earlier visit, or null; storage may be absent, full or tampered with. */
  function storedShapes(key, count) {
    try {
      const saved = JSON.parse(localStorage.getItem(SHAPES_STORAGE) || "null");
      const valid = saved?.key === key && typeof saved.sphere === "string"
        && typeof saved.graticule === "string" && Array.isArray(saved.countries)
        && saved.countries.length === count && saved.countries.every((d) => typeof d === "string");
      return valid ? { sphere: saved.sphere, graticule: saved.graticule, countries: saved.countries } : null;
    } catch {
      return null;
    }
  }

  function storeShapes(key, outlines) {
    try {
      localStorage.setItem(SHAPES_STORAGE, JSON.stringify({ key, ...outlines }));
    } catch {
      // no storage (private browsing, quota): the next visit projects the map again
    }
  }

  function renderMap(container, features, places, availableWidth) {
    const width = Math.max(availableWidth, 320);
    const height = Math.round(width * 0.52);
    const shapes = worldShapes(features, width, height);
    const { projection } = shapes;
    const counts = countryCounts(places);
    const max = d3.max([...counts.values()]) || 1;
    // The domain starts below 1 so that a country with a single event is visibly tinted.
    const color = d3.scaleSequentialLog(d3.interpolateBlues).domain([0.4, Math.max(2, max * 1.3)]);

    const svg = d3.create("svg").attr("viewBox", `0 0 ${width} ${height}`)
      .attr("class", "map-svg").attr("role", "img").attr("aria-label", "World map of events");
    const g = svg.append("g");
    g.append("path").attr("class", "sphere").attr("d", shapes.sphere);
    g.append("path").attr("class", "graticule").attr("d", shapes.graticule);
    g.append("g").selectAll("path").data(features).join("path")
      .attr("class", (f) => {
        const iso3 = names.byNumeric.get(f.id);
        return `country${counts.has(iso3) ? " has-events" : ""}${iso3 && iso3 === state.filters.country ? " selected" : ""}`;
      })
      .attr("data-iso3", (f) => names.byNumeric.get(f.id) || "")
      .attr("d", (_, i) => shapes.countries[i])
      .each(function styled(f) {
        const iso3 = names.byNumeric.get(f.id);
        const n = counts.get(iso3);
        if (n) this.style.fill = color(n);
        svgTitle(this, `${iso3 ? countryName(iso3) : f.properties.name}: ${fmt(n || 0)} events`);
      })
      .on("click", (_, f) => {
        const iso3 = names.byNumeric.get(f.id);
        if (iso3) setFilters({ country: state.filters.country === iso3 ? "" : iso3 });
      });

    const located = places.filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lon));
    // Hundreds of places would hide the map under big dots: the more places, the smaller.
    const biggest = located.length > 100 ? 8 : 14;
    const radius = d3.scaleSqrt().domain([0, d3.max(located, (p) => p.count) || 1]).range([0, biggest]);
    const dots = g.append("g").selectAll("circle").data(located).join("circle")
      .attr("class", "place")
      .attr("transform", (p) => `translate(${projection([p.lon, p.lat])})`)
      .attr("r", (p) => Math.max(2, radius(p.count)))
      .each(function titled(p) {
        svgTitle(this, `${p.name}${p.country ? ` (${countryName(p.country)})` : ""}: ${fmt(p.count)} events`);
      });

    svg.call(d3.zoom().scaleExtent([1, 12]).on("zoom", (event) => {
      g.attr("transform", event.transform);
      dots.attr("r", (p) => Math.max(2, radius(p.count)) / Math.sqrt(event.transform.k));
    }));
    fill(container, svg.node());
  }

  function edgeClass(edge) {
    const total = edge.cooperation + edge.conflict;
    const share = total ? edge.conflict / total : 0.5;
    return EDGE_CLASSES.find((c) => share <= c.max).cls;
  }

  /** Curved path from a to b, trimmed so the arrow head stops at b's circle. */
  function arcPath(a, b) {
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const dist = Math.hypot(dx, dy) || 1;
    const cx = (a.x + b.x) / 2 - (dy / dist) * dist * 0.18;
    const cy = (a.y + b.y) / 2 + (dx / dist) * dist * 0.18;
    const trim = (p, r) => {
      const len = Math.hypot(cx - p.x, cy - p.y) || 1;
      return [p.x + ((cx - p.x) / len) * r, p.y + ((cy - p.y) / len) * r];
    };
    const [sx, sy] = trim(a, a.r + 1);
    const [tx, ty] = trim(b, b.r + 3);
    return `M${sx},${sy}Q${cx},${cy} ${tx},${ty}`;
  }

  /** Stretch the settled layout over the whole drawing area, so a small graph is not a speck. */
  function fitToBox(nodes, width, height, pad) {
    const [x0, x1] = d3.extent(nodes, (n) => n.x);
    const [y0, y1] = d3.extent(nodes, (n) => n.y);
    const scale = Math.min((width - 2 * pad) / (x1 - x0 || 1), (height - 2 * pad) / (y1 - y0 || 1));
    for (const n of nodes) {
      n.x = width / 2 + (n.x - (x0 + x1) / 2) * scale;
      n.y = height / 2 + (n.y - (y0 + y1) / 2) * scale;
    }
  }

  function renderNetwork(container, network, widths) {
    const edges = network.filter((e) => e.source !== e.target)
      .sort((a, b) => b.count - a.count).slice(0, 80);
    if (edges.length === 0) return emptyChart(container, "No country pairs for these filters.");
    const width = Math.max(widths.network, 320);
    // As tall as the map beside it, so the two cards line up.
    const height = Math.max(280, Math.round((widths.map || width) * 0.52));
    const involvement = d3.rollup(edges.flatMap((e) => [[e.source, e.count], [e.target, e.count]]),
      (v) => d3.sum(v, (d) => d[1]), (d) => d[0]);
    const size = d3.scaleSqrt().domain([0, d3.max(involvement.values())]).range([8, 24]);
    const nodes = [...involvement].map(([id, n]) => ({ id, n, r: size(n) }));
    const links = edges.map((e) => ({ ...e }));

    const simulation = d3.forceSimulation(nodes)
      .force("link", d3.forceLink(links).id((d) => d.id).distance(110).strength(0.3))
      .force("charge", d3.forceManyBody().strength(-320))
      .force("x", d3.forceX(width / 2).strength(0.06))
      .force("y", d3.forceY(height / 2).strength(0.09))
      .force("collide", d3.forceCollide((d) => d.r + 14))
      .alphaDecay(1 - 0.001 ** (1 / NETWORK_TICKS))
      .stop();
    for (let i = 0; i < NETWORK_TICKS; i += 1) simulation.tick();
    fitToBox(nodes, width, height, 36);

    const stroke = d3.scaleSqrt().domain([1, d3.max(edges, (e) => e.count)]).range([1.5, 5]);
    const svg = d3.create("svg").attr("viewBox", `0 0 ${width} ${height}`)
      .attr("class", "network-svg").attr("role", "img")
      .attr("aria-label", "Network of which countries act on which");
    const defs = svg.append("defs");
    for (const { cls } of EDGE_CLASSES) {
      defs.append("marker").attr("id", `arrow-${cls}`).attr("class", `arrow ${cls}`)
        .attr("viewBox", "0 -5 10 10").attr("refX", 9).attr("refY", 0)
        // Sized in stroke widths, so a heavy edge still shows which way it points.
        .attr("markerWidth", 3.4).attr("markerHeight", 3.4).attr("markerUnits", "strokeWidth")
        .attr("orient", "auto").append("path").attr("d", "M0,-5L10,0L0,5Z");
    }
    svg.append("g").selectAll("path").data(links).join("path")
      .attr("class", (l) => `edge ${edgeClass(l)}`)
      .attr("d", (l) => arcPath(l.source, l.target))
      .attr("stroke-width", (l) => stroke(l.count))
      .attr("marker-end", (l) => `url(#arrow-${edgeClass(l)})`)
      .each(function titled(l) {
        svgTitle(this, `${countryName(l.source.id)} → ${countryName(l.target.id)}: ${fmt(l.count)} events ` +
          `(${fmt(l.cooperation)} cooperation, ${fmt(l.conflict)} conflict)`);
      });
    const node = svg.append("g").selectAll("g").data(nodes).join("g")
      .attr("class", (d) => `node${d.id === state.filters.country ? " selected" : ""}`)
      .attr("data-id", (d) => d.id)
      .attr("transform", (d) => `translate(${d.x},${d.y})`)
      .on("click", (_, d) => setFilters({ country: state.filters.country === d.id ? "" : d.id }));
    node.append("circle").attr("r", (d) => d.r);
    node.append("text").attr("dy", "0.35em").text((d) => d.id);
    node.each(function titled(d) { svgTitle(this, `${countryName(d.id)}: ${fmt(d.n)} events in pairs`); });
    fill(container, svg.node());

    fill(document.getElementById("network-legend"), ...EDGE_CLASSES.map(({ cls, label }) =>
      el("span", { class: `chip static edge-key ${cls}` }, el("span", { class: "line" }), label)));
  }

  // ---------------------------------------------------------------- events

  async function loadEvents(isCurrent) {
    await cache.names;
    const params = {
      ...state.filters,
      q: document.getElementById("q").value.trim(),
      min_sources: document.getElementById("min-sources").value,
      limit: PAGE_SIZE,
      offset: state.eventsPage * PAGE_SIZE,
    };
    const page = await api("events", params);
    if (isCurrent()) renderEventsTable(page);
  }

  function renderEventsTable(page) {
    const body = clear(document.querySelector("#events-table tbody"));
    if (page.items.length === 0) {
      body.append(el("tr", {}, el("td", { colspan: 6, class: "empty", text: "No events match these filters." })));
    }
    for (const item of page.items) {
      const open = () => selectEvent(item.id, row);
      const row = el("tr", {
        class: `event-row${item.id === state.selectedEvent ? " selected" : ""}`,
        tabindex: 0,
        dataset: { id: item.id },
        onclick: open,
        onkeydown: (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); open(); } },
      },
      el("td", { class: "when" }, el("div", { class: "nowrap", text: item.date || "undated" }),
        item.location ? el("div", { class: "muted place-name", text: locationLabel(item.location) }) : null),
      el("td", {}, typeBadge(item.event_type, item.mode)),
      el("td", {}, actorChips(item.source)),
      el("td", {}, actorChips(item.target)),
      el("td", { class: "num", title: `${plural(item.n_reports, "report")} from ${plural(item.n_sources, "source")}` },
        `${item.n_reports}/${item.n_sources}`),
      el("td", { class: "sentence" }, evidenceFor(item.sentence, item.trigger, item.source, item.target)));
      body.append(row);
    }
    const first = page.total ? page.offset + 1 : 0;
    const last = page.offset + page.items.length;
    document.getElementById("page-info").textContent = `${fmt(first)}–${fmt(last)} of ${fmt(page.total)}`;
    document.getElementById("prev-page").disabled = page.offset === 0;
    document.getElementById("next-page").disabled = last >= page.total;
  }

  async function selectEvent(id, row) {
    state.selectedEvent = id;
    for (const r of document.querySelectorAll(".event-row.selected")) r.classList.remove("selected");
    row.classList.add("selected");
    const panel = document.getElementById("event-detail");
    panel.dataset.state = "loading";
    try {
      const event = await api(`events/${encodeURIComponent(id)}`);
      if (state.selectedEvent !== id) return;
      renderEventDetail(panel, event);
      panel.dataset.state = "ready";
      // On a narrow screen the panel sits below the table: bring it into sight.
      if (panel.getBoundingClientRect().top > window.innerHeight) panel.scrollIntoView({ block: "start" });
    } catch (error) {
      fill(panel, el("p", { class: "error", text: error.message }));
      panel.dataset.state = "error";
    }
  }

  function renderEventDetail(panel, event) {
    const reports = event.reports || [];
    fill(panel,
      el("div", { class: "detail-head" },
        typeBadge(event.event_type, event.mode),
        el("span", { class: "muted", text: event.date || "undated" }),
        event.location ? el("span", { class: "muted", text: `· ${locationLabel(event.location)}` }) : null),
      el("div", { class: "who" }, actorChips(event.source), el("span", { class: "arrow", text: "→" }),
        actorChips(event.target)),
      el("p", { class: "muted", text: `${plural(event.n_reports, "report")} from ${plural(event.n_sources, "distinct source")}` }),
      highlightLegend(),
      el("ol", { class: "reports" }, reports.map(reportItem)));
  }

  function attributionLine(attribution) {
    if (!attribution) return el("p", { class: "attribution", text: "Asserted by the article itself." });
    const speaker = attribution.speaker || {};
    const code = [speaker.country, speaker.sector].filter(Boolean).join(" ");
    return el("p", { class: "attribution" }, "Attributed to ",
      el("strong", { text: speaker.text || "an unnamed speaker" }), code ? ` (${code})` : "",
      attribution.cue ? `, cue “${attribution.cue}”` : "");
  }

  function flags(item) {
    return [
      item.negated ? el("span", { class: "flag", text: "negated" }) : null,
      item.hypothetical ? el("span", { class: "flag", text: "hypothetical" }) : null,
      item.generic ? el("span", { class: "flag", text: "generic" }) : null,
    ];
  }

  function reportItem(report) {
    const title = report.title || report.doc_id;
    return el("li", { class: "report" },
      el("div", { class: "report-head" },
        externalLink(report.url, title) || el("span", { class: "report-title", text: title }),
        el("span", { class: "muted", text: [report.source, report.date].filter(Boolean).join(" · ") })),
      el("blockquote", {}, evidenceFor(report.sentence, report.trigger, report.source_actors, report.target_actors)),
      el("div", { class: "report-foot" }, attributionLine(report.attribution), ...flags(report),
        report.url && safeUrl(report.url) ? externalLink(report.url, "Open source article ↗") : null));
  }

  // ---------------------------------------------------------------- arms transfers

  async function loadDeals(isCurrent) {
    await cache.names;
    const page = await api("deals", {
      country: state.filters.country,
      supplier: document.getElementById("d-supplier").value,
      recipient: document.getElementById("d-recipient").value,
      status: document.getElementById("d-status").value,
      limit: DEALS_LIMIT,
    });
    if (!isCurrent()) return;
    fillDealOptions(page.items);
    document.getElementById("deals-total").textContent = page.total > page.items.length
      ? `${fmt(page.items.length)} of ${plural(page.total, "deal")} shown` : plural(page.total, "deal");
    renderDealsChart(document.getElementById("deals-chart"), page.items);
    renderDealsTable(page.items);
  }

  function fillOptions(select, values, label) {
    const current = select.value;
    const known = new Set([...select.options].map((o) => o.value));
    for (const value of values) {
      if (value && !known.has(value)) select.append(el("option", { value, text: label(value) }));
    }
    select.value = current;
  }

  function fillDealOptions(items) {
    const codes = (side) => [...new Set(items.map((d) => partyCode(d[side])).filter(Boolean))].sort();
    fillOptions(document.getElementById("d-supplier"), codes("supplier"), countryName);
    fillOptions(document.getElementById("d-recipient"), codes("recipient"), countryName);
  }

  /** The deals list gives a party as an ISO3 string; a coded transfer as {country}. */
  function partyCode(party) {
    return typeof party === "string" ? party : party?.country || null;
  }

  function partyLabel(party) {
    const code = partyCode(party);
    return code ? countryName(code) : "unknown";
  }

  function systemLabel(system) {
    if (!system) return "unspecified system";
    return system.name || system.mention || system.category || "unspecified system";
  }

  function renderDealsChart(container, deals) {
    const dated = deals.map((deal) => ({
      deal,
      points: (deal.history || []).filter((h) => h.date && parseDay(h.date))
        .map((h) => ({ ...h, when: parseDay(h.date) })).sort((a, b) => a.when - b.when),
    })).filter((d) => d.points.length);
    if (dated.length === 0) return emptyChart(container, "No dated arms-transfer reports for these filters.");
    const pair = (d) => `${partyLabel(d.deal.supplier)} → ${partyLabel(d.deal.recipient)}`;
    const rows = d3.groups(dated, pair).sort((a, b) => b[1].length - a[1].length).slice(0, 25);
    const dates = rows.flatMap(([, ds]) => ds.flatMap((d) => d.points.map((p) => p.when)));
    let [lo, hi] = d3.extent(dates);
    if (+lo === +hi) { lo = d3.utcMonth.offset(lo, -1); hi = d3.utcMonth.offset(hi, 1); }

    const width = Math.max(container.clientWidth, 320);
    const rowHeight = 30;
    const margin = { top: 8, right: 24, bottom: 28, left: 200 };
    const height = margin.top + margin.bottom + rows.length * rowHeight;
    const x = d3.scaleUtc().domain([lo, hi]).nice().range([margin.left, width - margin.right]);
    const y = d3.scaleBand().domain(rows.map((r) => r[0])).range([margin.top, height - margin.bottom]).padding(0.2);

    const svg = d3.create("svg").attr("viewBox", `0 0 ${width} ${height}`)
      .attr("class", "deals-svg").attr("role", "img").attr("aria-label", "Arms-transfer deals over time");
    svg.append("g").attr("class", "axis").attr("transform", `translate(0,${height - margin.bottom})`)
      .call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(width / 120))).tickSizeOuter(0));
    svg.append("g").attr("class", "axis rows").attr("transform", `translate(${margin.left},0)`)
      .call(d3.axisLeft(y).tickSize(0)).call((g) => g.select(".domain").remove());
    svg.append("g").selectAll("line").data(rows).join("line").attr("class", "lane")
      .attr("x1", margin.left).attr("x2", width - margin.right)
      .attr("y1", (r) => y(r[0]) + y.bandwidth() / 2).attr("y2", (r) => y(r[0]) + y.bandwidth() / 2);

    for (const [key, ds] of rows) {
      const sub = d3.scaleBand().domain(ds.map((d) => d.deal.id)).range([y(key), y(key) + y.bandwidth()]);
      for (const { deal, points } of ds) {
        const cy = sub(deal.id) + sub.bandwidth() / 2;
        const g = svg.append("g").attr("class", "deal").attr("data-id", deal.id)
          .on("click", () => openDeal(deal.id));
        g.append("line").attr("class", "deal-span").attr("x1", x(points[0].when))
          .attr("x2", x(points.at(-1).when)).attr("y1", cy).attr("y2", cy);
        g.selectAll("circle").data(points).join("circle").attr("class", "status-dot")
          .attr("cx", (p) => x(p.when)).attr("cy", cy).attr("r", 5)
          .each(function styled(p) {
            this.style.fill = STATUS_COLOR[p.status] || "#9aa5b1";
            svgTitle(this, `${p.date} · ${systemLabel(deal.system)} · ${p.status}`);
          });
      }
    }
    fill(container, svg.node());
    fill(document.getElementById("deals-legend"), ...DEAL_STATUSES.map((s) =>
      el("span", { class: "chip static" }, swatch(STATUS_COLOR[s]), s.replace("_", " "))));
  }

  /** Clicking a deal in the chart opens its history in the table below. */
  function openDeal(id) {
    const row = document.querySelector(`tr.deal-row[data-id="${CSS.escape(String(id))}"]`);
    if (!row) return;
    if (!row.classList.contains("open")) row.click();
    row.scrollIntoView({ block: "center" });
  }

  function renderDealsTable(deals) {
    const body = clear(document.querySelector("#deals-table tbody"));
    if (deals.length === 0) {
      body.append(el("tr", {}, el("td", { colspan: 6, class: "empty", text: "No deals match these filters." })));
    }
    for (const deal of deals) {
      const history = el("tr", { class: "history-row", hidden: true },
        el("td", { colspan: 6 }, dealHistory(deal)));
      const toggle = () => {
        history.hidden = !history.hidden;
        row.classList.toggle("open", !history.hidden);
      };
      const row = el("tr", {
        class: "deal-row", tabindex: 0, dataset: { id: deal.id }, onclick: toggle,
        onkeydown: (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); toggle(); } },
      },
      el("td", { text: partyLabel(deal.supplier) }),
      el("td", { text: partyLabel(deal.recipient) }),
      el("td", {}, el("strong", { text: systemLabel(deal.system) }),
        deal.system?.category ? el("span", { class: "muted", text: ` · ${deal.system.category}` }) : null),
      el("td", { class: "num", text: deal.quantity ?? "—" }),
      el("td", {}, statusBadge(deal.status)),
      el("td", { class: "num", text: deal.n_reports ?? (deal.history || []).length }));
      body.append(row, history);
    }
  }

  function dealHistory(deal) {
    const items = (deal.history || []).map((h) => el("li", {},
      el("div", { class: "history-head" },
        el("span", { class: "nowrap", text: h.date || "undated" }), statusBadge(h.status),
        el("span", { class: "muted", text: h.doc_id || "" }),
        externalLink(h.url, "source ↗")),
      h.sentence ? el("blockquote", {}, highlighted(h.sentence, [
        { text: deal.system?.mention, cls: "hl-trigger", label: "weapon system" },
      ])) : null));
    return el("ol", { class: "history" }, items);
  }

  // ---------------------------------------------------------------- code an article

  async function codeArticle(event) {
    event.preventDefault();
    const text = document.getElementById("code-text").value;
    const title = document.getElementById("code-title").value.trim();
    const date = document.getElementById("code-date").value;
    const panel = document.getElementById("code-result");
    const button = document.getElementById("code-submit");
    const section = document.getElementById("view-code");
    if (!text.trim()) return;
    button.disabled = true;
    section.dataset.state = "loading";
    fill(panel, el("p", { class: "muted", text: "Coding…" }));
    try {
      const body = { text };
      if (title) body.title = title;
      if (date) body.date = date;
      const result = await api("code", {}, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      renderCodeResult(panel, result);
      section.dataset.state = "ready";
    } catch (error) {
      fill(panel, el("p", { class: "error", text: error.message }));
      section.dataset.state = "error";
    } finally {
      button.disabled = false;
    }
  }

  function renderCodeResult(panel, result) {
    const doc = result.document || {};
    const events = result.events || [];
    const deals = result.arms_transfers || [];
    fill(panel,
      el("div", { class: "card-head" }, el("h2", { class: "doc-title", text: doc.title || "Untitled article" })),
      el("p", { class: "muted", text: [doc.date, plural(doc.n_sentences ?? 0, "sentence"),
        plural(events.length, "event"), plural(deals.length, "arms transfer")].filter(Boolean).join(" · ") }),
      doc.error ? el("p", { class: "error", text: doc.error }) : null,
      highlightLegend(),
      el("h3", { text: "Events" }),
      events.length ? el("ol", { class: "coded" }, events.map(codedEvent))
        : el("p", { class: "empty", text: "No events found in this text." }),
      el("h3", { text: "Arms transfers" }),
      deals.length ? el("ol", { class: "coded" }, deals.map(codedDeal))
        : el("p", { class: "empty", text: "No arms transfers found in this text." }));
  }

  function codedEvent(ev) {
    return el("li", { class: "coded-event" },
      el("div", { class: "detail-head" }, typeBadge(ev.event_type, ev.mode),
        el("span", { class: "muted", text: [ev.date, locationLabel(ev.location)].filter(Boolean).join(" · ") }),
        ...flags(ev)),
      el("div", { class: "who" }, actorChips(ev.source), el("span", { class: "arrow", text: "→" }), actorChips(ev.target)),
      el("blockquote", {}, evidenceFor(ev.evidence?.sentence, ev.trigger, ev.source, ev.target)),
      attributionLine(ev.attribution));
  }

  function codedDeal(deal) {
    return el("li", { class: "coded-deal" },
      el("div", { class: "detail-head" }, statusBadge(deal.status),
        el("strong", { text: systemLabel(deal.system) }),
        el("span", { class: "muted", text: `${partyLabel(deal.supplier)} → ${partyLabel(deal.recipient)}` }),
        deal.quantity ? el("span", { class: "muted", text: `· ${deal.quantity_text || deal.quantity}` }) : null),
      (deal.evidence || []).map((ev) => el("blockquote", {}, highlighted(ev.sentence, [
        { text: deal.system?.mention, cls: "hl-trigger", label: "weapon system" },
      ]))));
  }

  // ---------------------------------------------------------------- start-up

  const LOADERS = { overview: loadOverview, events: loadEvents, deals: loadDeals };

  async function loadNames() {
    const response = await fetch(assetUrl("asset-names"));
    if (!response.ok) return;
    for (const [numeric, [iso3, name]] of Object.entries(await response.json())) {
      names.byNumeric.set(numeric, iso3);
      names.byIso3.set(iso3, name);
    }
  }

  /** A country chosen on the map or in a link may have no option yet: add one, never drop it. */
  function ensureCountryOption(code) {
    const select = document.getElementById("f-country");
    if (code && ![...select.options].some((o) => o.value === code)) {
      select.append(el("option", { value: code, text: countryName(code) }));
    }
  }

  async function loadCountryOptions() {
    const select = document.getElementById("f-country");
    const [countries] = await Promise.all([api("countries"), cache.names]);
    const options = countries.filter((c) => c.country)
      .sort((a, b) => countryName(a.country).localeCompare(countryName(b.country)))
      .map((c) => el("option", { value: c.country, text: `${countryName(c.country)} (${fmt(c.events)})` }));
    const chosen = select.value;
    select.replaceChildren(select.options[0], ...options);
    ensureCountryOption(chosen);
    select.value = chosen;
  }

  function buildTypeOptions() {
    const option = (type) => el("option", { value: type, text: type });
    document.getElementById("f-type-coop").append(...TYPES.cooperation.map(option));
    document.getElementById("f-type-conf").append(...TYPES.conflict.map(option));
    fillOptions(document.getElementById("d-status"), DEAL_STATUSES, (s) => s.replace("_", " "));
  }

  function wireEvents() {
    document.getElementById("filters").addEventListener("submit", (e) => {
      e.preventDefault();
      setFilters({
        country: document.getElementById("f-country").value,
        type: document.getElementById("f-type").value,
        start: document.getElementById("f-start").value,
        end: document.getElementById("f-end").value,
      });
    });
    document.getElementById("f-reset").addEventListener("click", () =>
      setFilters({ country: "", type: "", start: "", end: "" }));
    for (const id of ["f-country", "f-type"]) {
      document.getElementById(id).addEventListener("change", () =>
        document.getElementById("filters").requestSubmit());
    }
    document.getElementById("interval").addEventListener("change", (e) => {
      state.interval = e.target.value;
      showView();
    });
    document.getElementById("timeline-range").addEventListener("click", () => {
      state.timelineRange = state.timelineRange === "focus" ? "all" : "focus";
      showView();
    });
    document.getElementById("event-search").addEventListener("submit", (e) => {
      e.preventDefault();
      state.eventsPage = 0;
      state.loadedKey.events = null;
      showView();
    });
    document.getElementById("min-sources").addEventListener("change", () =>
      document.getElementById("event-search").requestSubmit());
    document.getElementById("prev-page").addEventListener("click", () => {
      state.eventsPage = Math.max(0, state.eventsPage - 1);
      showView();
    });
    document.getElementById("next-page").addEventListener("click", () => {
      state.eventsPage += 1;
      showView();
    });
    document.getElementById("deal-filters").addEventListener("change", () => {
      state.loadedKey.deals = null;
      showView();
    });
    document.getElementById("code-form").addEventListener("submit", codeArticle);
    for (const tab of document.querySelectorAll(".tab")) {
      tab.addEventListener("click", (e) => {
        e.preventDefault();
        state.view = tab.dataset.view;
        writeHash();
        showView();
      });
    }
    window.addEventListener("hashchange", () => {
      readHash();
      syncForm();
      showView();
    });
    let resizeTimer = null;
    window.addEventListener("resize", () => {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(() => { if (state.view === "overview") redrawIfResized(); }, 150);
    });
  }

  async function loadTypes() {
    const types = await api("types");
    TYPES.all = types.map((t) => t.event_type);
    TYPES.cooperation = types.filter((t) => t.cooperative).map((t) => t.event_type);
    TYPES.conflict = types.filter((t) => !t.cooperative).map((t) => t.event_type);
    TYPES.colour = Object.fromEntries(types.map((t) => [t.event_type, t.colour]));
  }

  async function start() {
    readHash();
    // Without the types the charts cannot be coloured, but events and deals still show.
    await loadTypes().catch((error) => setStatus(error.message, true));
    buildTypeOptions();
    syncForm();
    wireEvents();
    cache.names = loadNames();
    // The country list is a full scan of the store: ask for it once the first view is drawn.
    await showView();
    loadCountryOptions().catch((error) => setStatus(error.message, true));
  }

  document.addEventListener("DOMContentLoaded", start);
})();
