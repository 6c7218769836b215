// End-to-end test of the demo portal in headless Chromium (Debian's
// `chromium` package, driven by playwright-core; no browser download).
//
//   node --test examples/portal/test/
//
// The steps share one page and run in order, like a person using it.

import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

import { start } from "../serve.mjs";

const OUT = fileURLToPath(new URL("../out/", import.meta.url));
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const STEP = { timeout: 30_000 };

/** Whether the page paints a frame within `ms`. Clicks (Playwright's
 * "stable" check) and screenshots wait for frames; a CI run once saw
 * Chromium stop producing them halfway through, so every step first checks
 * that it does, and a page that stopped is named as the cause instead of
 * surfacing as an unexplained click timeout. */
async function paints(page, ms = 2_000) {
  return page.evaluate(
    (ms) => new Promise((resolve) => {
      requestAnimationFrame(() => resolve(true));
      setTimeout(() => resolve(false), ms);
    }),
    ms,
  );
}

describe("demo portal", { timeout: 180_000 }, () => {
  let server, url, profile, context, page;
  const problems = []; // page errors, console errors, failed requests

  before(async () => {
    await mkdir(OUT, { recursive: true });
    ({ server, url } = await start(0));
    profile = await mkdtemp(join(tmpdir(), "motcua-portal-chromium-"));
    // A persistent context gets our own fresh --user-data-dir, which
    // Playwright refuses as a plain argument to `launch`.
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
      ],
      viewport: { width: 1280, height: 900 },
      locale: "vi-VN",
      // A zone far from Vietnam: the page must still work in Vietnam time.
      timezoneId: "America/Los_Angeles",
      timeout: 60_000,
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on("crash", () => problems.push("the page crashed"));
    page.setDefaultTimeout(15_000);
    page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
    page.on("console", (msg) => {
      if (msg.type() === "error") problems.push(`console: ${msg.text()}`);
    });
    page.on("requestfailed", (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`));
    page.on("response", (res) => {
      if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
    });
  });

  // A page that stopped painting is brought to the front (a page the
  // browser thinks is hidden gets no animation frames), then resized; if it
  // still does not paint, the step fails saying so, with what it reports.
  beforeEach(async () => {
    if (!page || (await paints(page))) return;
    const seen = await page.evaluate(() => `visibility ${document.visibilityState}, focus ${document.hasFocus()}`);
    await page.bringToFront();
    if (!(await paints(page))) {
      // A new size makes the renderer build a new frame from scratch.
      const size = page.viewportSize();
      await page.setViewportSize({ width: size.width, height: size.height + 1 });
      await page.setViewportSize(size);
    }
    if (!(await paints(page))) {
      throw new Error(`Chromium paints no frames, even with the page in front (${seen})`);
    }
    console.log(`# the page had stopped painting (${seen}); bringing it to the front or resizing it resumed it`);
  });

  after(async () => {
    await context?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  it("loads the WASM module and shows the page in Vietnamese", STEP, async () => {
    await page.goto(url);
    await page.waitForSelector("body[data-ready='true']");
    assert.equal(await page.getAttribute("html", "lang"), "vi");
    assert.match(await page.textContent("h1"), /Cổng dịch vụ công/);
    // One option per procedure of the sample catalog (15, both levels).
    assert.equal(await page.locator("#procedure option").count(), 15);
    assert.ok(await page.isHidden("#status"), "the loading message is gone");
    // The default submission time is "now" in Vietnam (UTC+7), although
    // the browser runs in Los Angeles.
    const shown = Date.parse(`${await page.inputValue("#submitted-at")}Z`) - 7 * 3600e3;
    assert.ok(Math.abs(shown - Date.now()) < 5 * 60e3, "the default is now in UTC+7");
    assert.deepEqual(problems, []);
  });

  it("estimates the due date of a birth registration submitted before Tết 2026", STEP, async () => {
    // Đăng ký khai sinh is a same-day procedure with a 15:00 cut-off.
    // Friday 13/02/2026 15:30 is after the cut-off, so the result is due at
    // the close (17:00) of the next working day: Sat 14 and Sun 15 are the
    // weekend, Mon 16 to Fri 20 are the Tết Bính Ngọ days off (giao thừa to
    // mùng 4), Sat 21 and Sun 22 the weekend, so Monday 23/02/2026.
    await page.selectOption("#procedure", "2.000001");
    await page.selectOption("#channel", "direct");
    await page.fill("#submitted-at", "2026-02-13T15:30");
    await page.click("#estimate-button");
    await page.waitForSelector("#due-date[data-iso='2026-02-23T17:00+07:00']");
    assert.equal(await page.textContent("#due-date"), "23/02/2026 17:00 (Thứ Hai)");
    const steps = await page.locator("#explanation li").allTextContents();
    assert.ok(steps.length > 0, "the explanation is not empty");
    assert.ok(steps.some((s) => s.includes("Tết Nguyên đán")), `Tết is explained: ${steps.join(" | ")}`);
    // The five days of Tết read as one line; the reception time is written
    // once (dd/mm/yyyy HH:mm whatever the browser's locale), with no rule code.
    assert.equal(steps.filter((s) => s.includes("ngày nghỉ")).length, 1, steps.join(" | "));
    assert.equal(steps.filter((s) => s.includes("13/02/2026 15:30")).length, 1, steps.join(" | "));
    assert.ok(steps.every((s) => !/day_off_skipped|rule_set/.test(s)), steps.join(" | "));
    assert.equal(await page.textContent("#submitted-echo"), "13/02/2026 15:30 (Thứ Sáu)");
    assert.equal(await page.textContent("#fees"), "Không thu phí, lệ phí");
    const documents = await page.locator("#documents li").allTextContents();
    assert.ok(documents.some((d) => d.startsWith("Giấy chứng sinh")), documents.join(" | "));
    // A certified copy costs 2.000 đồng (Vietnamese digit grouping).
    await page.selectOption("#procedure", "2.000002");
    await page.waitForFunction(() => document.querySelector("#fees").textContent.includes("2.000 đồng"));
    await page.selectOption("#procedure", "2.000001");
    await page.waitForSelector("#due-date[data-iso='2026-02-23T17:00+07:00']");
    assert.ok(await page.isHidden("#estimate-error"));
  });

  it("shows February 2026 with the Tết days off and lunar dates", STEP, async () => {
    // The estimate moved the month view to the due date's month.
    assert.equal(await page.textContent("#month-title"), "Tháng 2 năm 2026");
    const day = (iso) => page.locator(`#month-grid [data-date='${iso}']`);
    for (const iso of ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"]) {
      const cls = await day(iso).getAttribute("class");
      assert.match(cls, /\bholiday\b/, `${iso} is a holiday: ${cls}`);
      assert.match(cls, /\bis-off\b/, `${iso} is a day off: ${cls}`);
    }
    // The year's sources, in Vietnamese on the Vietnamese page.
    const sources = await page.locator("#schedule-sources li").allTextContents();
    assert.ok(sources.some((s) => s.includes("Công văn 10065/VPCP-KGVX")), sources.join(" | "));
    // Mùng 1 Tết Bính Ngọ is Tuesday 17/02/2026.
    assert.equal(await day("2026-02-17").locator(".lunar").textContent(), "1/1");
    assert.match(await day("2026-02-17").getAttribute("title"), /Tết Nguyên đán \(mùng 1\)/);
    assert.match(await day("2026-02-21").getAttribute("class"), /\bweekend\b/);
    assert.match(await day("2026-02-23").getAttribute("class"), /\bworking\b.*\bdue\b/);
    // 1 February 2026 is a Sunday: six leading blanks in a Monday-first grid.
    const firstCells = await page.locator("#month-grid > .day").evaluateAll((cells) =>
      cells.slice(0, 7).map((c) => c.dataset.date ?? ""));
    assert.deepEqual(firstCells, ["", "", "", "", "", "", "2026-02-01"]);
    assert.match(await page.textContent("#schedule-status"), /chính thức/);
    assert.equal(await page.locator("#legend li").count(), 7);

    // January 2026: Saturday 10/01 was worked back for Friday 02/01.
    await page.click("#prev-month");
    assert.equal(await page.textContent("#month-title"), "Tháng 1 năm 2026");
    assert.match(await day("2026-01-10").getAttribute("class"), /\bmakeup\b.*\bis-working\b/);
    assert.match(await day("2026-01-02").getAttribute("class"), /\bholiday\b.*\bis-off\b/);

    // 2027 is announced (dispatch 10065/VPCP-KGVX): Tết 04-10/02/2027, official.
    await page.fill("#month-picker", "2027-02");
    assert.equal(await page.textContent("#month-title"), "Tháng 2 năm 2027");
    assert.match(await day("2027-02-04").getAttribute("class"), /\bholiday\b.*\bis-off\b/);
    assert.doesNotMatch(await day("2027-02-06").getAttribute("class"), /\bprovisional\b/);
    assert.match(await page.textContent("#schedule-status"), /chính thức/);

    // November 2026: Ngày Văn hóa Việt Nam, Tuesday 24/11, is a day off.
    await page.fill("#month-picker", "2026-11");
    assert.match(await day("2026-11-24").getAttribute("class"), /\bholiday\b.*\bis-off\b/);

    // 2028 is not announced yet: its holidays are marked as projected.
    await page.fill("#month-picker", "2028-01");
    assert.equal(await page.textContent("#month-title"), "Tháng 1 năm 2028");
    assert.match(await day("2028-01-26").getAttribute("class"), /\bholiday\b.*\bprovisional\b/);
    assert.match(await page.textContent("#schedule-status"), /dự kiến/);

    await page.click("#next-month");
    await page.fill("#month-picker", "2026-02");
    assert.equal(await page.textContent("#month-title"), "Tháng 2 năm 2026");
    assert.ok(await page.isHidden("#calendar-error"));
  });

  it("rejects a bad dossier code with the library's error code", STEP, async () => {
    await page.fill("#code-input", "abc");
    await page.click("#code-check");
    await page.waitForSelector("#code-error:not([hidden])");
    const message = await page.textContent("#code-error");
    assert.match(message, /Mã hồ sơ không hợp lệ/);
    assert.match(message, /Mã hồ sơ không đúng định dạng\./, "the library's Vietnamese message");
    assert.match(message, /dossier\.invalid_code/);
    assert.ok(await page.isHidden("#code-result"));
  });

  it("shows the parts of a good dossier code", STEP, async () => {
    await page.fill("#code-input", " 000.00.06.H56-231027-0361 ");
    await page.click("#code-check");
    await page.waitForSelector("#code-result:not([hidden])");
    assert.ok(await page.isHidden("#code-error"));
    const part = (name) => page.textContent(`#code-result [data-part='${name}']`);
    assert.equal(await part("agency"), "000.00.06.H56");
    assert.equal(await part("date"), "27/10/2023 (Thứ Sáu, ngày làm việc)");
    assert.equal(await part("sequence"), "361");
    assert.equal(await part("text"), "000.00.06.H56-231027-0361");
  });

  it("switches every text to English and back", STEP, async () => {
    await page.click("#lang-toggle");
    assert.equal(await page.getAttribute("html", "lang"), "en");
    assert.equal(await page.textContent("h1"), "Public service portal — demo");
    assert.equal(await page.textContent("#lang-toggle"), "Tiếng Việt");
    assert.equal(await page.textContent("#due-date"), "23/02/2026 17:00 (Monday)");
    const steps = await page.locator("#explanation li").allTextContents();
    assert.ok(steps.some((s) => s.includes("Lunar New Year")), steps.join(" | "));
    assert.equal(await page.textContent("#month-title"), "February 2026");
    assert.equal(await page.textContent("#month-grid .weekday"), "Mon");
    assert.match(await page.textContent("#code-result"), /Valid code/);
    assert.match(await page.getAttribute("#month-grid [data-date='2026-02-17']", "title"), /Lunar New Year \(day 1\)/);
    // No Vietnamese UI string is left in the static parts of the page.
    assert.doesNotMatch(await page.textContent("#estimate-title"), /[ăâđêôơư]/i);
    await page.screenshot({ path: join(OUT, "portal-en.png"), fullPage: true });

    await page.click("#lang-toggle");
    assert.equal(await page.getAttribute("html", "lang"), "vi");
    assert.equal(await page.textContent("#due-date"), "23/02/2026 17:00 (Thứ Hai)");
  });

  it("writes a full-page screenshot", STEP, async () => {
    const path = join(OUT, "portal.png");
    await page.screenshot({ path, fullPage: true });
    console.log(`screenshot: ${path}`);
  });

  it("re-creates the module after an internal error and redoes the estimate", STEP, async () => {
    // The test build of the module (bindings-wasm/pkg-probe-web) has an
    // export that panics. The test calls it on the page's own instance
    // (the same URL is the same module), as a bug of motcua would.
    const probe = await start(0, "127.0.0.1", fileURLToPath(new URL("../../../bindings-wasm/pkg-probe-web/", import.meta.url)));
    const broken = await context.newPage();
    try {
      broken.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
      await broken.goto(probe.url);
      await broken.waitForSelector("body[data-ready='true']");
      assert.equal(await broken.getAttribute("body", "data-instances"), "1");
      const code = await broken.evaluate(async () => {
        const module = await import("/pkg/motcua.js");
        try {
          module._panicForTests("a bug, for the portal test");
        } catch (e) {
          return e.code;
        }
        return "no error";
      });
      assert.equal(code, "internal");
      await broken.selectOption("#procedure", "2.000001");
      await broken.selectOption("#channel", "direct");
      await broken.fill("#submitted-at", "2026-02-13T15:30");
      await broken.click("#estimate-button");
      // The call was refused (code internal, "re-create the module"); the
      // page loaded a second instance, said so and redid the estimate.
      await broken.waitForSelector("body[data-instances='2']");
      await broken.waitForSelector("#due-date[data-iso='2026-02-23T17:00+07:00']");
      assert.ok(await broken.isHidden("#estimate-error"));
      assert.ok(await broken.isVisible("#status.notice"));
      assert.match(await broken.textContent("#status"), /lỗi nội bộ và đã được tải lại/);
      // The new instance serves every part of the page.
      await broken.fill("#code-input", "000.00.06.H56-231027-0361");
      await broken.click("#code-check");
      await broken.waitForSelector("#code-result:not([hidden])");
      assert.equal(await broken.textContent("#month-title"), "Tháng 2 năm 2026");
      await broken.click("#lang-toggle");
      assert.match(await broken.textContent("#status"), /internal error and was loaded again/);
    } finally {
      await broken.close();
      await new Promise((resolve) => probe.server.close(resolve));
    }
  });

  it("logged no page errors, console errors or failed requests", () => {
    assert.deepEqual(problems, []);
  });
});
