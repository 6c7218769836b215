// Demo portal page of motcua: due date estimate, month view of the working
// calendar, dossier-code checker. Plain ES module, no framework: the page is
// small enough that "re-render a section from `state`" is all we need, and
// the language toggle is just "re-render everything".

import { STRINGS, fmtNumber } from "./i18n.js";

const $ = (selector) => document.querySelector(selector);

const state = {
  lang: "vi",
  cal: null, // one Calendar.vietnam() for the page lifetime (never freed)
  procedures: [], // [{code, name, json, processingTime, channels}]
  month: null, // {year, month} shown in the grid
  bounds: null, // {min: {year, month}, max: {year, month}} of the calendar
  estimate: null, // {result, procedure} | {error} | null
  code: null, // {parts} | {error} | null
  holidays: new Map(), // year -> Map(isoDate -> entry); entries hold both languages
};

const t = () => STRINGS[state.lang];

// ------------------------------------------------------------ the module

/** The motcua module in use: its ES module namespace, instantiated. */
let motcua = null;
let instances = 0;

/** Imports and instantiates a new instance of the WASM module, and makes
 * the page's library objects on it. A URL the page has not imported
 * before is a new ES module, with its own WASM instance and memory; the
 * .wasm file is the same (relative to the module's URL, without the
 * query), so a browser serves it from its cache. */
async function loadMotcua() {
  instances += 1;
  const url = instances === 1 ? "/pkg/motcua.js" : `/pkg/motcua.js?instance=${instances}`;
  const module = await import(url);
  await module.default();
  const cal = module.Calendar.vietnam();
  const procedures = loadProcedures(module);
  motcua = module;
  state.cal = cal;
  state.procedures = procedures;
  document.body.dataset.instances = String(instances);
}

/** The user's action under way: what to redo after a recovery, and
 * whether it is itself the redo of one. */
let action = null;

/** Runs a user's action; an internal error inside it re-creates the
 * module and redoes it (`recoverFrom`). */
function act(fn, recovered = false) {
  action = { redo: fn, recovered };
  try {
    fn();
  } finally {
    action = null;
  }
}

/** After an internal error (a bug of motcua) the module refuses every call
 * with code `internal`, "re-create the module": its memory may hold a
 * half-done change. The page then loads a new instance, tells the user,
 * and redoes the action. Once per action: an action that breaks the new
 * instance too shows its error instead of looping. The page's data that
 * outlives an instance is plain JS (the procedures' JSON, the holidays),
 * never a library object. Any other error is the caller's to show. */
function recoverFrom(err) {
  if (err?.code !== "internal" || !action || action.recovered) return;
  const { redo } = action;
  state.cal = null; // handlers wait for the new instance
  loadMotcua().then(
    () => {
      showStatus("recovered", "notice");
      act(redo, true);
    },
    (loadErr) => showStatusError(t().loadFailed, loadErr),
  );
}

// ---------------------------------------------------------------- helpers

/** Tiny DOM builder. Text goes through text nodes, never innerHTML: user
 * input (a typed dossier code) is echoed back in library error messages. */
function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    if (key === "class") node.className = Array.isArray(value) ? value.filter(Boolean).join(" ") : value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  node.append(...children.flat().filter((child) => child != null && child !== false));
  return node;
}

const pad = (n, width = 2) => String(n).padStart(width, "0");
const isoDate = (year, month, day) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

// Vietnam has had no daylight saving time since 1975: its local time is
// UTC+7 all year, so "now in Vietnam" is plain arithmetic, whatever zone the
// browser is in. The library also takes and returns Vietnam local time.
function vietnamNow() {
  return new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 16); // "YYYY-MM-DDTHH:MM"
}

/** 0 = Monday … 6 = Sunday, for an ISO date or instant (no time zones: UTC). */
function weekdayIndex(iso) {
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

const daysInMonth = (year, month) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const formatDate = (iso) => iso.slice(0, 10).split("-").reverse().join("/"); // dd/MM/yyyy
const formatInstant = (iso) => `${formatDate(iso)} ${iso.slice(11, 16)}`; // dd/MM/yyyy HH:mm

/** Shows a library error: a localized lead-in, the stable error code, then
 * the library's own message, Vietnamese (`messageVi`) on the Vietnamese
 * page. Non-Error throws are shown too. */
function showError(element, lead, err) {
  const code = err?.code ?? "error";
  const message = (state.lang === "vi" && err?.messageVi) || err?.message || String(err);
  element.replaceChildren(h("strong", {}, `${lead}: `), h("code", {}, code), ` — ${message}`);
  element.hidden = false;
}

// ------------------------------------------------------------ static text

function applyStaticTexts() {
  const s = t();
  document.documentElement.lang = state.lang;
  document.title = s.pageTitle;
  for (const node of document.querySelectorAll("[data-i18n]")) {
    node.textContent = s[node.dataset.i18n];
  }
  const toggle = $("#lang-toggle");
  toggle.textContent = s.langToggle;
  toggle.setAttribute("aria-label", s.langToggleLabel);
  toggle.lang = state.lang === "vi" ? "en" : "vi"; // the button speaks the other language
  for (const [id, key] of [["#prev-month", "prevMonth"], ["#next-month", "nextMonth"], ["#month-picker", "pickMonth"]]) {
    $(id).setAttribute("aria-label", s[key]);
    $(id).title = s[key];
  }
}

// --------------------------------------------------------- due date estimate

/** Reads the sample catalog of `module`; the WASM objects are freed
 * right away since only their JSON is needed afterwards. */
function loadProcedures(module) {
  const catalog = module.Catalog.sample();
  try {
    return catalog.codes().map((code) => {
      const procedure = catalog.get(code);
      try {
        const json = procedure.toJson();
        const data = JSON.parse(json);
        return {
          code: procedure.code,
          name: procedure.name,
          json,
          processingTime: data.processing_time,
          fees: data.fees ?? [],
          documents: data.documents ?? [],
          channels: data.channels ?? ["direct", "online", "postal"],
        };
      } finally {
        procedure.free();
      }
    });
  } finally {
    catalog.free();
  }
}

const selectedProcedure = () => state.procedures.find((p) => p.code === $("#procedure").value);

/** Only offer the channels the procedure accepts. */
function syncChannels() {
  const procedure = selectedProcedure();
  const select = $("#channel");
  for (const option of select.options) option.disabled = !procedure?.channels.includes(option.value);
  if (select.selectedOptions[0]?.disabled) {
    const first = [...select.options].find((option) => !option.disabled);
    if (first) select.value = first.value;
  }
}

/** Estimates the due date; `follow` also moves the month view to it. */
function runEstimate(follow = true) {
  const procedure = selectedProcedure();
  // datetime-local gives "YYYY-MM-DDTHH:MM" (seconds only when set).
  let at = $("#submitted-at").value;
  if (at.length === 16) at += ":00";
  try {
    const result = state.cal.estimate(procedure.json, at, $("#channel").value);
    state.estimate = { result, procedure };
    // Show where the due date falls on the working calendar.
    if (follow && result.dueAt) {
      const [year, month] = result.dueAt.split("-").map(Number);
      state.month = { year, month };
      renderMonth();
    }
  } catch (err) {
    state.estimate = { error: err };
  }
  renderEstimate();
  recoverFrom(state.estimate.error);
}

function renderEstimate() {
  const s = t();
  const estimate = state.estimate;
  const output = $("#estimate-output");
  const errorBox = $("#estimate-error");
  output.hidden = !estimate?.result;
  errorBox.hidden = !estimate?.error;
  if (!estimate) return;
  if (estimate.error) {
    showError(errorBox, s.estimateErrorLead, estimate.error);
    return;
  }
  const { dueAt, explanation } = estimate.result;
  const { procedure } = estimate;
  const due = $("#due-date");
  due.dataset.iso = dueAt ?? "";
  due.textContent = dueAt ? `${formatInstant(dueAt)} (${s.weekdays[weekdayIndex(dueAt)]})` : s.noDeadline;
  // The submission time as the slip prints it, dd/mm/yyyy HH:mm, whatever
  // the browser's locale shows in the input.
  const received = explanation[0]?.at;
  $("#submitted-echo").textContent = received ? `${formatInstant(received)} (${s.weekdays[weekdayIndex(received)]})` : "";
  $("#processing-time").textContent = s.processingTime(procedure.processingTime);
  $("#fees").textContent = procedure.fees.length
    ? procedure.fees.map((f) => `${f.name}: ${fmtNumber(f.amount_vnd, state.lang)} ${s.currency}`).join("; ")
    : s.noFees;
  $("#documents").replaceChildren(
    ...(procedure.documents.length ? procedure.documents : [s.noDocuments]).map((text) => h("li", { lang: "vi" }, text)),
  );
  // One line per step, as a slip reads: the time only where it changes
  // (every line of an estimate happens at the reception), the rule's code
  // kept for the curious in a tooltip and a data attribute.
  let shown = null;
  $("#explanation").replaceChildren(
    ...explanation.map((step) => {
      const time = step.at === shown ? null : h("time", { datetime: step.at }, formatInstant(step.at));
      shown = step.at;
      return h(
        "li",
        { class: step.dueAt ? "sets-due" : null, dataset: { rule: step.rule }, title: step.rule },
        time,
        h("span", { class: "text" }, state.lang === "vi" ? step.vi : step.en),
      );
    }),
  );
}

// -------------------------------------------------------------- month view

function holidaysOf(year) {
  if (!state.holidays.has(year)) {
    state.holidays.set(year, new Map(state.cal.holidays(year, { workingDays: true }).map((entry) => [entry.date, entry])));
  }
  return state.holidays.get(year);
}

const monthKey = ({ year, month }) => year * 12 + (month - 1);

function shiftMonth(delta) {
  const key = Math.min(Math.max(monthKey(state.month) + delta, monthKey(state.bounds.min)), monthKey(state.bounds.max));
  state.month = { year: Math.floor(key / 12), month: (key % 12) + 1 };
  renderMonth();
}

function dayCell(iso, lunar, entry, working, extra) {
  const s = t();
  // The holiday entry tells a day off from a make-up (worked) day; without
  // one, a non-working day of this calendar is a weekend.
  const kind = entry ? (entry.dayOff ? "holiday" : "makeup") : working ? "working" : "weekend";
  const name = entry && (state.lang === "vi" ? entry.nameVi : entry.nameEn);
  const title = [
    `${s.weekdays[weekdayIndex(iso)]}, ${formatDate(iso)}`,
    s.lunarTooltip(lunar),
    working ? s.workingDay : s.dayOff,
    name && (entry.provisional ? `${name} (${s.provisionalMark})` : name),
    extra.due && `${s.dueLabel}: ${formatInstant(state.estimate.result.dueAt)}`,
  ];
  return h(
    "div",
    {
      class: ["day", kind, working ? "is-working" : "is-off", entry?.provisional && "provisional",
              extra.today && "today", extra.due && "due", lunar.day === 1 && "lunar-first"],
      role: "gridcell",
      title: title.filter(Boolean).join("\n"),
      dataset: { date: iso, kind: entry?.kind ?? kind },
    },
    h("span", { class: "solar" }, String(Number(iso.slice(8)))),
    // Lunar day/month; day 1 is emphasised in CSS, as paper calendars do.
    h("span", { class: "lunar" }, `${lunar.day}/${lunar.month}`, lunar.leap && h("small", {}, ` ${s.leapShort}`)),
    name && h("span", { class: "holiday-name" }, name),
  );
}

function renderMonth() {
  if (!state.cal || !state.month) return;
  const s = t();
  const { year, month } = state.month;
  const errorBox = $("#calendar-error");
  errorBox.hidden = true;
  $("#month-title").textContent = s.monthTitle(year, month);
  $("#month-picker").value = `${pad(year, 4)}-${pad(month)}`;
  $("#prev-month").disabled = monthKey(state.month) <= monthKey(state.bounds.min);
  $("#next-month").disabled = monthKey(state.month) >= monthKey(state.bounds.max);

  try {
    const holidays = holidaysOf(year);
    const today = vietnamNow().slice(0, 10);
    const dueDate = state.estimate?.result?.dueAt?.slice(0, 10);
    const cells = s.weekdaysShort.map((name, i) =>
      h("div", { class: ["weekday", i >= 5 && "weekend-head"], role: "columnheader" }, name));
    for (let i = weekdayIndex(isoDate(year, month, 1)); i > 0; i--) cells.push(h("div", { class: "day blank" }));
    const lunarYears = new Set();
    for (let day = 1; day <= daysInMonth(year, month); day++) {
      const iso = isoDate(year, month, day);
      const lunar = motcua.toLunar(iso);
      lunarYears.add(lunar.yearName);
      cells.push(dayCell(iso, lunar, holidays.get(iso), state.cal.isWorkingDay(iso),
                         { today: iso === today, due: iso === dueDate }));
    }
    while (cells.length % 7) cells.push(h("div", { class: "day blank" }));
    $("#month-grid").replaceChildren(...cells);
    $("#lunar-year").textContent = s.lunarYear([...lunarYears].join(" – "));

    // Holidays and make-up days of the month, in words.
    const prefix = `${pad(year, 4)}-${pad(month)}-`;
    const entries = [...holidays.values()].filter((e) => e.date.startsWith(prefix));
    $("#month-holidays").replaceChildren(
      ...(entries.length
        ? entries.map((e) =>
            h("li", { class: e.dayOff ? "holiday" : "makeup" },
              h("span", { class: "swatch" }),
              h("strong", {}, formatDate(e.date)), " ",
              state.lang === "vi" ? e.nameVi : e.nameEn,
              h("span", { class: "muted" }, ` · ${s.kind[e.kind] ?? e.kind}${e.provisional ? `, ${s.provisionalMark}` : ""}`)))
        : [h("li", { class: "muted" }, s.noHolidaysThisMonth)]),
    );

    // Where the year's schedule comes from: official announcements, or a
    // projection from the Labour Code that may still change.
    const source = state.cal.scheduleSource(year);
    const status = $("#schedule-status");
    status.className = `schedule-status status-${source.status}`;
    status.textContent = s.scheduleStatus(year, source.status);
    const details = $("#schedule-sources");
    details.hidden = !source.sources?.length;
    details.querySelector("summary").textContent = s.sourcesTitle(year, source.sources?.length ?? 0);
    const cited = (state.lang === "vi" ? source.sourcesVi : source.sources) ?? [];
    details.querySelector("ul").replaceChildren(...cited.map((text) => h("li", {}, text)));
  } catch (err) {
    $("#month-grid").replaceChildren();
    showError(errorBox, s.calendarErrorLead, err);
    recoverFrom(err);
  }
  renderLegend();
}

function renderLegend() {
  const s = t();
  $("#legend").replaceChildren(
    ...["working", "weekend", "holiday", "makeup", "provisional", "today", "due"].map((kind) =>
      h("li", {}, h("span", { class: `swatch ${kind}` }), kind === "due" ? s.dueLabel : s[`legend_${kind}`])),
  );
}

// ------------------------------------------------------- dossier-code check

function runCodeCheck() {
  // Codes are often pasted with surrounding spaces; the library wants the
  // bare code, so trim here (inner spaces are still reported as invalid).
  const text = $("#code-input").value.trim();
  let code = null;
  try {
    code = motcua.DossierCode.parse(text);
    state.code = { parts: { agency: code.agency, date: code.date, sequence: code.sequence, text: code.toString() } };
  } catch (err) {
    state.code = { error: err };
  } finally {
    code?.free();
  }
  renderCode();
  recoverFrom(state.code.error);
}

function renderCode() {
  const s = t();
  const result = $("#code-result");
  const errorBox = $("#code-error");
  result.hidden = !state.code?.parts;
  errorBox.hidden = !state.code?.error;
  if (state.code?.error) showError(errorBox, s.codeInvalidLead, state.code.error);
  const parts = state.code?.parts;
  if (!parts) return;
  let dayStatus = "";
  try {
    dayStatus = `, ${(state.cal.isWorkingDay(parts.date) ? s.workingDay : s.dayOff).toLowerCase()}`;
  } catch {
    // A date outside the calendar's range: the code is still valid.
  }
  const row = (label, value, id) => [h("dt", {}, label), h("dd", { dataset: { part: id } }, value)];
  result.replaceChildren(
    h("p", { class: "ok-title" }, `✓ ${s.codeValid}`),
    h("dl", {},
      row(s.codeAgency, parts.agency, "agency"),
      row(s.codeDate, `${formatDate(parts.date)} (${s.weekdays[weekdayIndex(parts.date)]}${dayStatus})`, "date"),
      row(s.codeSequence, String(parts.sequence), "sequence"),
      row(s.codeCanonical, parts.text, "text")),
  );
}

// ------------------------------------------------------------------ wiring

function renderAll() {
  applyStaticTexts();
  renderEstimate();
  renderMonth();
  renderCode();
}

function initialLanguage() {
  const asked = new URLSearchParams(location.search).get("lang");
  if (asked in STRINGS) return asked;
  try {
    const saved = localStorage.getItem("motcua-portal-lang");
    if (saved in STRINGS) return saved;
  } catch {
    // Storage may be disabled; Vietnamese it is.
  }
  return "vi";
}

function setLanguage(lang) {
  state.lang = lang;
  try {
    localStorage.setItem("motcua-portal-lang", lang);
  } catch {
    // Not remembered, still switched.
  }
  renderAll();
}

function showStatusError(lead, err) {
  const status = $("#status");
  status.className = "status error";
  delete status.dataset.i18n; // the error stays when the language changes
  showError(status, lead, err);
}

/** The message of STRINGS' `key` above the page (translated again when the
 * language changes); `kind` is its class ("notice"). */
function showStatus(key, kind) {
  const status = $("#status");
  status.className = `status ${kind}`;
  status.dataset.i18n = key;
  status.textContent = t()[key];
  status.hidden = false;
}

function wireEvents() {
  // Handlers do nothing until the module is ready; forms never submit.
  const ready = (fn) => (event) => {
    event?.preventDefault?.();
    if (state.cal) act(fn);
  };
  $("#lang-toggle").addEventListener("click", () => act(() => setLanguage(state.lang === "vi" ? "en" : "vi")));
  $("#estimate-form").addEventListener("submit", ready(runEstimate));
  $("#procedure").addEventListener("change", ready(() => { syncChannels(); runEstimate(); }));
  $("#channel").addEventListener("change", ready(runEstimate));
  $("#submitted-at").addEventListener("change", ready(runEstimate));
  $("#now-button").addEventListener("click", ready(() => { $("#submitted-at").value = vietnamNow(); runEstimate(); }));
  $("#code-form").addEventListener("submit", ready(runCodeCheck));
  $("#prev-month").addEventListener("click", ready(() => shiftMonth(-1)));
  $("#next-month").addEventListener("click", ready(() => shiftMonth(1)));
  $("#this-month").addEventListener("click", ready(() => {
    const [year, month] = vietnamNow().split("-").map(Number);
    state.month = { year, month };
    renderMonth();
  }));
  $("#month-picker").addEventListener("change", ready(() => {
    const match = /^(\d{4})-(\d{2})$/.exec($("#month-picker").value);
    if (!match) return; // cleared: keep the month shown
    state.month = { year: Number(match[1]), month: Number(match[2]) };
    shiftMonth(0); // clamps to the calendar's range and renders
  }));
  // Last resort: whatever escapes shows up on the page, not just the console.
  window.addEventListener("error", (event) => showStatusError(t().unexpected, event.error ?? event.message));
  window.addEventListener("unhandledrejection", (event) => showStatusError(t().unexpected, event.reason));
}

async function main() {
  state.lang = initialLanguage();
  applyStaticTexts();
  wireEvents();
  try {
    await loadMotcua();
  } catch (err) {
    state.cal = null;
    showStatusError(t().loadFailed, err);
    return;
  }

  $("#procedure").replaceChildren(
    ...state.procedures.map((p) => h("option", { value: p.code, lang: "vi" }, `${p.code} — ${p.name}`)),
  );
  syncChannels();
  $("#submitted-at").value = vietnamNow();

  const toMonth = (iso) => ({ year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)) });
  state.bounds = { min: toMonth(state.cal.firstDate), max: toMonth(state.cal.lastDate) };
  $("#month-picker").min = state.cal.firstDate.slice(0, 7);
  $("#month-picker").max = state.cal.lastDate.slice(0, 7);
  state.month = toMonth(vietnamNow());

  runEstimate(false); // the month view starts at the current month
  renderAll();
  $("#status").hidden = true;
  document.body.dataset.ready = "true"; // for the test and for anyone watching
}

main();
