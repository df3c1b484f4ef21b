// The learner's tour, end to end, in headless Chromium against the release build.
//
// scripts/e2e.sh serves dist/ on 127.0.0.1 and passes its address in BASE_URL. The test uses only
// the page's data-testid contract, clicks and types as a person would, and reads what the page
// shows. The steps share one page and run in order: each picks up where the last one stopped.

import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";

import { chromium } from "playwright-core";

const BASE_URL = process.env.BASE_URL;
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const ARTIFACTS = fileURLToPath(new URL("./artifacts/", import.meta.url));

// Quiet on a closed network: no background fetches, no updates. Playwright adds its headless
// flags itself.
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

const byId = (id) => `[data-testid="${id}"]`;

let browser;
let page;
// Everything the page reports as broken: console errors, uncaught exceptions, failed loads.
const problems = [];

// The text the response viewer shows, without its highlighting markup.
async function responseText() {
  return (await page.locator(byId("response-body")).textContent()) ?? "";
}

// Reads a number the response shows for `key`, compact (`"k":1`) or pretty (`"k": 1`).
function numberIn(text, key) {
  const match = text.match(new RegExp(`"${key}"\\s*:\\s*(-?\\d+)`));
  assert.ok(match, `the response shows no "${key}":\n${text.slice(0, 2000)}`);
  return Number(match[1]);
}

// Clicks send and waits for the exchange to land in the history (a reply can repeat the last
// one byte for byte, so the response text alone cannot tell).
async function send() {
  const seq = await newestHistorySeq();
  await page.locator(byId("send")).click();
  await page.locator(byId(`history-${seq + 1}`)).waitFor();
}

async function waitForNewResponse(before) {
  await page.waitForFunction(
    ({ selector, old }) => {
      const node = document.querySelector(selector);
      return node !== null && node.textContent !== "" && node.textContent !== old;
    },
    { selector: byId("response-body"), old: before },
  );
}

// Picks a method from the list and waits for its template to fill the editor.
async function pickMethod(name) {
  await page.locator(byId(`method-${name}`)).click();
  await page.waitForFunction(
    ({ selector, method }) => document.querySelector(selector)?.value.includes(`"${method}"`),
    { selector: byId("editor"), method: name },
  );
}

// Puts `text` in the editor as one input event, as a paste would.
async function setEditor(text) {
  await page.evaluate(
    ({ selector, text }) => {
      const editor = document.querySelector(selector);
      editor.value = text;
      editor.dispatchEvent(new Event("input", { bubbles: true }));
    },
    { selector: byId("editor"), text },
  );
}

// Clicks the element and measures, in the page, the milliseconds until the frame after the
// click has been painted: a timer set from the next animation frame runs after that paint.
async function clickToPaint(selector) {
  return page.evaluate(
    (selector) =>
      new Promise((resolve) => {
        const started = performance.now();
        document.querySelector(selector).click();
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started), 0));
      }),
    selector,
  );
}

// The sequence number of the newest history entry (the list is newest first), 0 for none.
async function newestHistorySeq() {
  const entries = page.locator(`${byId("history")} [data-testid^="history-"]`);
  if ((await entries.count()) === 0) return 0;
  const id = await entries.first().getAttribute("data-testid");
  return Number(id.replace("history-", ""));
}

async function focusedTestId() {
  return page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? null);
}

before(async () => {
  assert.ok(BASE_URL, "BASE_URL is not set: run this through scripts/e2e.sh");
  mkdirSync(ARTIFACTS, { recursive: true });

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.setDefaultTimeout(10_000);
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) =>
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`),
  );
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });

  await page.goto(BASE_URL, { waitUntil: "load" });
});

after(async () => {
  if (page) {
    await page.screenshot({ path: `${ARTIFACTS}tour.png`, fullPage: true }).catch(() => {});
  }
  await browser?.close();
});

describe("the GetLimits, CloneVolume, GetAsyncResult tour", () => {
  test("the page renders the method list, the editor and the timeline", async () => {
    await page.locator(byId("method-list")).waitFor();
    for (const id of ["editor", "send", "timeline", "clock-now", "endpoint-version"]) {
      assert.ok(await page.locator(byId(id)).isVisible(), `${id} is not visible`);
    }

    const methods = await page.locator(`${byId("method-list")} [data-testid^="method-"]`).count();
    assert.ok(methods >= 21, `the method list shows ${methods} methods, expected at least 21`);

    const text = await page.locator("body").innerText();
    assert.ok(text.trim().length > 200, `the page is nearly blank: ${JSON.stringify(text)}`);
    assert.equal(await page.locator(byId("endpoint-version")).inputValue(), "12.0");
  });

  test("GetLimits answers 200 with the cluster's limits", async () => {
    await pickMethod("GetLimits");
    assert.ok(
      ((await page.locator(byId("method-docs")).textContent()) ?? "").includes("GetLimits"),
      "method-docs does not mention GetLimits",
    );

    await send();
    assert.match((await page.locator(byId("response-status")).textContent()) ?? "", /200/);

    const text = await responseText();
    assert.equal(numberIn(text, "volumeSizeMin"), 1_000_000_000);
    assert.equal(numberIn(text, "volumeSizeMax"), 17_592_186_044_416);
    assert.equal(numberIn(text, "volumeCountMax"), 4000);
    assert.equal(await page.locator("[data-outcome]").getAttribute("data-outcome"), "success");
    assert.match((await page.locator(byId("response-size")).textContent()) ?? "", /\d/);
  });

  let handle;

  test("CloneVolume starts a job that the timeline shows running", async () => {
    // A paused clock keeps the job running until we step it.
    await page.locator(byId("clock-pause")).click();
    assert.equal(await page.locator(byId("clock-pause")).getAttribute("aria-pressed"), "true");

    await pickMethod("CloneVolume");
    const request = JSON.parse(await page.locator(byId("editor")).inputValue());
    assert.equal(request.params?.volumeID, 1, "the CloneVolume template does not clone volume 1");

    await send();
    assert.match((await page.locator(byId("response-status")).textContent()) ?? "", /200/);
    handle = numberIn(await responseText(), "asyncHandle");
    assert.ok(handle >= 2, `asyncHandle ${handle}: handle 1 is the cluster's setup job`);

    const row = page.locator(byId(`job-${handle}`));
    await row.waitFor();
    assert.equal(await row.getAttribute("data-status"), "running");
  });

  test("stepping the clock completes the clone on the timeline", async () => {
    const row = page.locator(byId(`job-${handle}`));
    const startedAt = await page.locator(byId("clock-now")).textContent();

    for (let step = 0; step < 10; step += 1) {
      if ((await row.getAttribute("data-status")) !== "running") break;
      const before = await page.locator(byId("clock-now")).textContent();
      await page.locator(byId("clock-step")).click();
      await page.waitForFunction(
        ({ selector, old }) => document.querySelector(selector)?.textContent !== old,
        { selector: byId("clock-now"), old: before },
      );
    }

    assert.equal(await row.getAttribute("data-status"), "succeeded");
    assert.equal(await row.getAttribute("data-progress"), "100");
    assert.notEqual(await page.locator(byId("clock-now")).textContent(), startedAt);
  });

  test("clicking the job asks GetAsyncResult, which reports a complete Clone", async () => {
    await page.locator(byId(`job-${handle}`)).click();
    await page.waitForFunction(
      ({ selector }) => document.querySelector(selector)?.value.includes("GetAsyncResult"),
      { selector: byId("editor") },
    );
    const request = JSON.parse(await page.locator(byId("editor")).inputValue());
    assert.equal(request.method, "GetAsyncResult");
    assert.equal(request.params.asyncHandle, handle);

    await send();
    const text = await responseText();
    assert.match(text, /"status"\s*:\s*"complete"/);
    assert.match(text, /"resultType"\s*:\s*"Clone"/);
  });

  test("ListAsyncResults lists the clone", async () => {
    await pickMethod("ListAsyncResults");
    await send();
    const text = await responseText();
    assert.match(text, new RegExp(`"asyncResultID"\\s*:\\s*${handle}\\b`));
    assert.match(text, /"resultType"\s*:\s*"Clone"/);
  });

  test("malformed JSON shows its line and column, and the page stays alive", async () => {
    const editor = page.locator(byId("editor"));
    await editor.fill('{\n  "method": "GetLimits",\n  "params": {\n}');
    const parseError = page.locator(byId("parse-error"));
    await parseError.waitFor();
    assert.match((await parseError.textContent()) ?? "", /line \d+, column \d+/);

    // Sending it anyway must not break anything: the page either refuses or shows an error.
    const sendButton = page.locator(byId("send"));
    if (await sendButton.isEnabled()) {
      const before = await responseText();
      await sendButton.click();
      await waitForNewResponse(before);
      assert.notEqual(await page.locator("[data-outcome]").getAttribute("data-outcome"), "success");
    }

    // Still alive: a good request still gets its answer.
    await pickMethod("GetLimits");
    await send();
    assert.equal(numberIn(await responseText(), "volumeSizeMin"), 1_000_000_000);
  });

  test("the keyboard alone reaches send, and Ctrl+Enter sends from the editor", async () => {
    // Choose a method with the keyboard, then Tab forward until send has the focus.
    await page.locator(byId("method-GetOrigin")).focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(
      ({ selector }) => document.querySelector(selector)?.value.includes('"GetOrigin"'),
      { selector: byId("editor") },
    );

    const visited = [];
    for (let press = 0; press < 200 && (await focusedTestId()) !== "send"; press += 1) {
      await page.keyboard.press("Tab");
      visited.push(await focusedTestId());
    }
    assert.equal(await focusedTestId(), "send", `Tab never reached send: ${visited.join(" ")}`);

    let before = await responseText();
    await page.keyboard.press("Enter");
    await waitForNewResponse(before);
    assert.match((await page.locator(byId("response-status")).textContent()) ?? "", /200/);

    // Ctrl+Enter in the editor sends what it holds.
    const editor = page.locator(byId("editor"));
    await editor.fill('{"method": "ListVolumes", "params": {}, "id": 7}');
    await editor.focus();
    before = await responseText();
    await page.keyboard.press("Control+Enter");
    await waitForNewResponse(before);
    assert.match(await responseText(), /"volumes"/);
    assert.match(await responseText(), /"db-data"/);
  });

  test("a 2 MB reply is laid out a slice at a time, and clicks stay fast", async () => {
    // Unknown parameters come back in unusedParameters, so a 2 MB request gets a 2 MB reply.
    const pad = "x".repeat(2 * 1024 * 1024);
    await setEditor(JSON.stringify({ method: "GetLimits", params: { pad }, id: 8 }));
    const bigSend = await clickToPaint(byId("send"));
    assert.equal(await page.locator(byId("response-size")).textContent(), "2.00 MB");

    const shown = (await responseText()).length;
    assert.ok(shown < 300_000, `the viewer laid out ${shown} characters of a 2 MB reply`);
    const more = page.locator(byId("show-more"));
    assert.ok(await more.isVisible(), "no way to see the rest of the reply");
    const moreClick = await clickToPaint(byId("show-more"));
    assert.ok((await responseText()).length > shown, "show more showed nothing more");

    // Back to a small request: the timings a learner feels, as figures, not a gate.
    await setEditor('{"method": "GetLimits", "id": 9}');
    const smallSend = await clickToPaint(byId("send"));
    const step = await clickToPaint(byId("clock-step"));
    const ms = (value) => `${value.toFixed(1)} ms`;
    console.log(
      `click to paint: send GetLimits ${ms(smallSend)}, clock step ${ms(step)}, ` +
        `send with a 2 MB reply ${ms(bigSend)}, show more ${ms(moreClick)}`,
    );
    assert.equal(numberIn(await responseText(), "volumeSizeMin"), 1_000_000_000);
  });

  test("an older endpoint greys out newer methods, and Open goes back to it", async () => {
    await page.locator(byId("endpoint-version")).selectOption("8.0");
    const listAsync = page.locator(byId("method-ListAsyncResults"));
    assert.equal(await listAsync.getAttribute("data-available"), "false");
    assert.equal(await page.locator(byId("method-GetAsyncResult")).getAttribute("data-available"), "true");

    await pickMethod("ListAsyncResults");
    await send();
    assert.match(await responseText(), /"name"\s*:\s*"xUnknownAPIMethod"/);
    assert.equal(await page.locator("[data-outcome]").getAttribute("data-outcome"), "error");
    const sentAt8 = await newestHistorySeq();

    await page.locator(byId("endpoint-version")).selectOption("12.0");
    await page.locator(byId(`open-${sentAt8}`)).click();
    assert.equal(await page.locator(byId("endpoint-version")).inputValue(), "8.0");
    await page.locator(byId("endpoint-version")).selectOption("12.0");
    assert.equal(await listAsync.getAttribute("data-available"), "true");
  });

  test("an injected fault fails the next calls, then calls succeed; faults can be cleared", async () => {
    await pickMethod("GetLimits");
    await page.locator(byId("fault-method")).selectOption("GetLimits");
    await page.locator(byId("fault-times")).fill("2");
    await page.locator(byId("fault-error")).selectOption("xSliceNotRegistered");
    await page.locator(byId("fault-add")).click();
    await page.locator(byId("fault-queue")).waitFor();

    const outcomes = [];
    for (let call = 0; call < 3; call += 1) {
      await send();
      outcomes.push(await page.locator("[data-outcome]").getAttribute("data-outcome"));
    }
    assert.deepEqual(outcomes, ["error", "error", "success"]);

    await page.locator(byId("fault-times")).fill("5");
    await page.locator(byId("fault-add")).click();
    await page.locator(byId("fault-clear")).click();
    assert.equal(await page.locator(byId("fault-queue")).count(), 0);
    await send();
    assert.equal(await page.locator("[data-outcome]").getAttribute("data-outcome"), "success");
  });

  test("a bulk volume job made to fail shows failed, and GetAsyncResult nests its error", async () => {
    await page.locator(byId("fault-bulk-job")).click();
    await pickMethod("StartBulkVolumeRead");
    await send();
    const bulk = numberIn(await responseText(), "asyncHandle");

    const row = page.locator(byId(`job-${bulk}`));
    for (let step = 0; step < 10 && (await row.getAttribute("data-status")) === "running"; step += 1) {
      await page.locator(byId("clock-step")).click();
    }
    assert.equal(await row.getAttribute("data-status"), "failed");

    await row.click();
    await send();
    const text = await responseText();
    assert.match(text, /"status"\s*:\s*"complete"/);
    assert.match(text, /"name"\s*:\s*"xBulkVolumeScriptFailure"/);
    assert.equal(await page.locator("[data-outcome]").getAttribute("data-outcome"), "success");
  });

  test("nothing went wrong along the way", async () => {
    assert.ok(
      await page.locator(byId("method-list")).isVisible(),
      "the page went blank",
    );
    assert.deepEqual(problems, [], `the page reported problems:\n${problems.join("\n")}`);
  });
});
