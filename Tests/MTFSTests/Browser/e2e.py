#!/usr/bin/env python3
"""End-to-end test of the portal in a real browser (headless Chromium through WebDriver).

usage: e2e.py BASE_URL SCREENSHOT_DIR

A budget holder's month: sign in, open the statement, submit a return with one error, see it beside
its field, correct it, see the preview, post it, sign off, sign out. A CFO's: filter the findings,
download them as xlsx. A councillor's: their portfolio's members' report (printed: one A4 page) and
statement, nothing to sign, the returns board refused. Prints one line per step; exits non-zero on the first failure.
"""
import base64
import os
import re
import sys
import urllib.request

from chromium import browser
from selenium.webdriver.common.by import By
from selenium.webdriver.support.expected_conditions import staleness_of
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE, SHOTS = sys.argv[1], sys.argv[2]
os.makedirs(SHOTS, exist_ok=True)


def check(condition, what):
    if not condition:
        print(f"FAILED: {what}")
        sys.exit(1)
    print(f"ok: {what}")


def shows(d, text, timeout=15):
    """Waits for the page to contain `text` (a click's page may still be loading)."""
    try:
        WebDriverWait(d, timeout).until(lambda drv: text in drv.page_source)
        return True
    except Exception:
        return False


def at(d, suffix, timeout=15):
    try:
        WebDriverWait(d, timeout).until(lambda drv: drv.current_url.endswith(suffix))
        return True
    except Exception:
        return False


def sign_in(d, login, password="demo-password"):
    d.get(BASE + "/login")
    d.find_element(By.NAME, "login").send_keys(login)
    d.find_element(By.NAME, "password").send_keys(password)
    button = d.find_element(By.CSS_SELECTOR, "form[action='/login'] button")
    button.click()
    # Answered once the password is checked (slow on purpose): the next page asked for before
    # then would cancel the sign-in.
    WebDriverWait(d, 120).until(staleness_of(button))


def row_index(d, ref):
    for el in d.find_elements(By.CSS_SELECTOR, "input[type=hidden][name^='ref_']"):
        if el.get_attribute("value") == ref:
            return el.get_attribute("name").split("_")[1]
    return None


# A budget holder's month, on a phone-sized screen.
d = browser(390)
try:
    sign_in(d, "helen")
    check(shows(d, "Savings statement") and "Helen Brandt" in d.page_source, "the holder signs in and sees her statement")
    d.save_screenshot(os.path.join(SHOTS, "holder-statement-phone.png"))
    d.find_element(By.LINK_TEXT, "My return").click()
    shows(d, "Your return for")
    d.get(BASE + "/return?period=2023-11")
    shows(d, "Your return for 2023/24 P8")
    i = row_index(d, "PEO-06")
    check(i is not None, "the return form lists her proposal PEO-06")
    box = d.find_element(By.NAME, f"delivered_to_date_{i}")
    recorded = box.get_attribute("value")
    box.clear()
    box.send_keys("lots")
    d.find_element(By.CSS_SELECTOR, "button[value=preview]").click()
    shows(d, "needs correcting")
    err = d.find_elements(By.ID, f"delivered_to_date_{i}_error")
    check(err and "expected an amount of money" in err[0].text, "a bad figure is refused beside its field: " + (err[0].text if err else "none"))
    d.save_screenshot(os.path.join(SHOTS, "holder-return-error-phone.png"))
    box = d.find_element(By.NAME, f"delivered_to_date_{i}")
    box.clear()
    box.send_keys(str(float(recorded) + 2500))
    d.find_element(By.NAME, f"comment_{i}").send_keys(" <script>alert(1)</script>")
    d.find_element(By.CSS_SELECTOR, "button[value=preview]").click()
    check(shows(d, "Preview of your return") and "£2,500" in d.page_source, "the preview shows the £2,500 delivery to be posted")
    d.save_screenshot(os.path.join(SHOTS, "holder-preview-phone.png"))
    d.find_element(By.CSS_SELECTOR, "button[value=post]").click()
    check(shows(d, "Return posted"), "the return is posted")
    d.get(BASE + "/statement?period=2023-11")
    shows(d, "2023/24 P8")
    check("alert(1)" in d.page_source and "<script>alert" not in d.page_source, "her comment shows as text, escaped")
    d.find_element(By.CSS_SELECTOR, "form[action='/sign-off'] button").click()
    check(shows(d, "Signed.") and "signed by helen" in d.page_source, "she signs off the figures shown")
    d.save_screenshot(os.path.join(SHOTS, "holder-signed-phone.png"))
    d.find_element(By.CSS_SELECTOR, "form[action='/logout'] button").click()
    check(at(d, "/login"), "she signs out")
    d.get(BASE + "/statement")
    check(at(d, "/login?next=%2Fstatement"), "after signing out the statement needs a sign-in again, which returns to it")
finally:
    d.quit()

# The CFO: findings filtered, then downloaded as a workbook.
d = browser(1000)
try:
    sign_in(d, "cfo")
    check(shows(d, "MTFS savings summary"), "the CFO signs in to the summary")
    d.save_screenshot(os.path.join(SHOTS, "cfo-summary.png"))
    d.find_element(By.LINK_TEXT, "Findings").click()
    Select(d.find_element(By.NAME, "severity")).select_by_value("critical")
    d.find_element(By.CSS_SELECTOR, "form.filters button").click()
    shows(d, "only critical")
    items = d.find_elements(By.CSS_SELECTOR, "ul.findings li")
    check(items and all("critical" in li.get_attribute("class") for li in items), f"the findings are filtered to {len(items)} critical")
    d.save_screenshot(os.path.join(SHOTS, "cfo-findings.png"))
    link = d.find_element(By.LINK_TEXT, "xlsx").get_attribute("href")
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in d.get_cookies())
    with urllib.request.urlopen(urllib.request.Request(link, headers={"Cookie": cookie})) as r:
        body = r.read()
        kind = r.headers.get("Content-Type", "")
    check(body[:2] == b"PK" and "spreadsheetml" in kind, f"the findings download as an xlsx workbook ({len(body)} bytes)")
finally:
    d.quit()
# A councillor (a member): their portfolio's report and statement, read only; printed, one page each.
d = browser(1000)
try:
    sign_in(d, "cllr.osei")
    check(at(d, "/members") and shows(d, "report to members"), "the councillor signs in to the members' report")
    check("Adult Social Care and Health" in d.page_source and "Children" not in d.page_source, "it is their portfolio's, and no other's")
    check("Not foreseen" in d.page_source, "the unforeseen service impact is listed")
    d.save_screenshot(os.path.join(SHOTS, "member-report.png"))
    pdf = d.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69})
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", base64.b64decode(pdf["data"])))
    check(pages == 1, f"printed, their portfolio's report is {pages} A4 page")
    d.find_element(By.LINK_TEXT, "Portfolio statement").click()
    check(shows(d, "Portfolio statement") and "I confirm these figures" not in d.page_source, "their portfolio's statement has nothing to sign")
    d.get(BASE + "/board")
    check(shows(d, "403"), "the returns board is not theirs (403)")
    d.find_element(By.CSS_SELECTOR, "form[action='/logout'] button").click()
    check(at(d, "/login"), "the councillor signs out")
finally:
    d.quit()
print("browser tests passed")
