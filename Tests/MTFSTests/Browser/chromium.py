"""Headless Chromium through WebDriver, as the browser tests drive it (shared by e2e.py and
axe_pages.py)."""
import os

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service


def browser(width, height=1400):
    o = Options()
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", f"--window-size={width},{height}"]:
        o.add_argument(a)
    if os.path.exists("/usr/bin/chromium"):
        o.binary_location = "/usr/bin/chromium"
    service = Service("/usr/bin/chromedriver") if os.path.exists("/usr/bin/chromedriver") else Service()
    return webdriver.Chrome(options=o, service=service)
