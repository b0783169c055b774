#!/usr/bin/env python3
"""Every portal page, for each demo role, at 1280 and 390 px, checked by axe-core (WCAG 2.2 A and
AA) and for anything past the screen's edge on a phone.

usage: axe_pages.py BASE_URL AXE_MIN_JS SCREENSHOT_DIR

axe-core is Deque's accessibility engine (MPL-2.0), the copy shipped in PyPI's
axe-playwright-python wheel; we run it in headless Chromium through WebDriver. A page fails on any
violation of the rules tagged wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22a or wcag22aa, and at 390 px
on any visible element whose right edge is past the window's (a table that runs off the screen).
Each page is also saved as a screenshot, ROLE-PAGE-WIDTH.png. Prints one line per page and a
summary; exits 1 if any page fails.
"""
import os
import re
import sys

from chromium import browser
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

BASE, AXE, SHOTS = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(SHOTS, exist_ok=True)
AXE_SOURCE = open(AXE, encoding="utf-8").read()
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]

# Each demo user and the pages they use: their menu, and the pages it leads to.
ROLES = {
    "holder": ("helen", ["/statement", "/return", "RETURN_ERROR", "RETURN_PREVIEW", "/history"]),
    "finance": ("finance.people", ["/board", "/statement?period=2023-10&holder=Helen%20Brandt", "/upload", "/findings", "/members"]),
    "cfo": ("cfo", ["/summary", "/findings", "/trend", "/board", "/members", "/downloads"]),
    "member": ("cllr.osei", ["/members", "/statement", "/findings", "/downloads"]),
    "admin": ("admin.demo", ["/users", "/board"]),
}

OVERFLOW = """
const width = document.documentElement.clientWidth;
const past = [];
for (const e of document.querySelectorAll('body *')) {
  const r = e.getBoundingClientRect();
  const s = getComputedStyle(e);
  if (r.width === 0 || r.height === 0 || s.visibility === 'hidden' || s.display === 'none') continue;
  // Clipped away (a visually hidden heading row) is not on the screen; inside a region that
  // scrolls sideways still counts: on a phone nothing should need to.
  let clipped = false;
  for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
    const t = getComputedStyle(a);
    if ((t.overflowX === 'hidden' || t.overflowX === 'clip' || t.clipPath !== 'none') && a.getBoundingClientRect().right <= width + 1) { clipped = true; break; }
  }
  if (!clipped && r.right > width + 1) {
    past.push(e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).replace(/ /g, '.') : '') + ' right=' + Math.round(r.right)
      + ' "' + (e.innerText || '').trim().slice(0, 40) + '"');
  }
}
return [document.documentElement.scrollWidth > width, past.slice(0, 8), past.length];
"""


# axe leaves text too short to judge (a RAG badge's single letter) as "incomplete": this checks
# every element that paints its own background behind its own text, by WCAG's formula.
BADGES = """
function lum(c) {
  const v = c.match(/[0-9.]+/g).slice(0, 3).map(x => { x = x / 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}
const bad = [];
for (const e of document.querySelectorAll('body *')) {
  const s = getComputedStyle(e);
  const own = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
  if (!own || s.backgroundColor === 'rgba(0, 0, 0, 0)' || s.backgroundColor === 'transparent' || e.getClientRects().length === 0) continue;
  const a = lum(s.color), b = lum(s.backgroundColor);
  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  const size = parseFloat(s.fontSize), bold = parseInt(s.fontWeight) >= 700;
  const large = size >= 24 || (bold && size >= 18.66);
  if (ratio < (large ? 3 : 4.5)) bad.push(e.outerHTML.slice(0, 80) + ' ' + ratio.toFixed(2) + ':1');
}
return bad.slice(0, 5);
"""


def sign_in(d, login):
    d.get(BASE + "/login")
    d.find_element(By.NAME, "login").send_keys(login)
    d.find_element(By.NAME, "password").send_keys("demo-password")
    d.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    # The sign-in is answered once the password is checked (slow on purpose): wait for it, or the
    # next page asked for would cancel it and be shown signed out.
    WebDriverWait(d, 120).until(lambda driver: "/login" not in driver.current_url)


def open_page(d, page):
    """Opens a page; two are states of the return form reached by using it."""
    if page in ("RETURN_ERROR", "RETURN_PREVIEW"):
        d.get(BASE + "/return")
        field = d.find_element(By.CSS_SELECTOR, "input[name^=delivered_to_date_]")
        field.clear()
        field.send_keys("not money" if page == "RETURN_ERROR" else "1")
        d.find_element(By.CSS_SELECTOR, "button[value=preview]").click()
        return
    d.get(BASE + page)


def axe(d):
    d.execute_script(AXE_SOURCE)
    result = d.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        f"axe.run(document, {{runOnly: {{type: 'tag', values: {TAGS!r}}}, resultTypes: ['violations']}})"
        ".then(r => done(r.violations.map(v => [v.id, v.impact, v.help, v.nodes.slice(0, 3).map(n => n.target.join(' ') + ': ' + (n.failureSummary || '').split('\\n').slice(1, 2).join(''))]))).catch(e => done([['axe-error', 'critical', String(e), []]]));"
    )
    return result


def main():
    failures = 0
    pages = 0
    for width in (1280, 390):
        for role, (login, visits) in ROLES.items():
            d = browser(width, 1000)
            d.set_script_timeout(60)
            try:
                sign_in(d, login)
                for page in visits:
                    open_page(d, page)
                    pages += 1
                    name = re.sub(r"[^a-z0-9]+", "-", page.lower()).strip("-") or "home"
                    # The whole page in one picture (the window as tall as the page, at most 8000 px).
                    tall = d.execute_script("return document.documentElement.scrollHeight")
                    d.set_window_size(width, min(max(tall, 600), 8000))
                    d.save_screenshot(os.path.join(SHOTS, f"{role}-{name}-{width}.png"))
                    d.set_window_size(width, 1000)
                    problems = []
                    if "/login" in d.current_url:
                        problems.append(f"{login} is not signed in: the page went to {d.current_url}")
                    for rule, impact, help_text, nodes in axe(d):
                        problems.append(f"axe {rule} ({impact}): {help_text}; " + " | ".join(nodes))
                    for badge in d.execute_script(BADGES):
                        problems.append(f"contrast below WCAG AA: {badge}")
                    if width < 600:
                        scrolls, past, count = d.execute_script(OVERFLOW)
                        if scrolls or count:
                            problems.append(f"{count} element(s) past the right edge at {width} px: " + "; ".join(past))
                    if problems:
                        failures += 1
                        print(f"FAILED {role} {page} at {width}px:")
                        for p in problems:
                            print("   " + p)
                    else:
                        print(f"ok: {role} {page} at {width}px")
            finally:
                d.quit()
    print(f"{pages} pages checked, {failures} with problems")
    if failures == 0:
        print("accessibility checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
