#!/usr/bin/env python3
"""Browser checks for Bilim: headless Chromium via Selenium, accessibility via axe-core.

Usage:
  python check_pages.py --base-url http://127.0.0.1:PORT --out-dir .build/browser-screenshots \
      [--login LOGIN --password PASSWORD]

Per language (kk, ru, en): opens BASE/?lang=<lang> (the server remembers it in a cookie),
then visits each page without ?lang and checks <html lang>, saves a screenshot, runs axe
(serious/critical violations fail the check; minor/moderate are warnings). With --login,
also a sign-in flow (success -> /cabinet, wrong password -> [role=alert] on /sign-in).
Keyboard check on /: first Tab focuses a skip link to #main; exactly one <main id="main">.

Prints `PASS <lang> <check>` / `FAIL <lang> <check>: reason` per check, then
`browser: N passed, M failed`; exit status 1 if M > 0.
Needs /usr/bin/chromium and /usr/bin/chromedriver (see setup.sh).
"""

import argparse
import os
import sys
import traceback
from urllib.parse import urlsplit

from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait
from axe_selenium_python import Axe
import axe_playwright_python

# axe-core 4.x from the axe-playwright-python wheel; axe-selenium-python's own copy is 3.1.1 (2018).
AXE_SCRIPT = os.path.join(os.path.dirname(axe_playwright_python.__file__), "axe.min.js")

LANGS = ["kk", "ru", "en"]
PAGES = ["/", "/services", "/services/S1", "/services/S4", "/sign-in", "/no-such-page"]
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
PAGE_LOAD_TIMEOUT = 20
NAV_WAIT = 10  # seconds to wait for a form submission to navigate


class CheckFailed(Exception):
    pass


def slug(path):
    s = path.strip("/").replace("/", "-")
    return s or "home"


def make_driver():
    o = Options()
    o.binary_location = CHROMIUM
    for a in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900"]:
        o.add_argument(a)
    d = webdriver.Chrome(service=Service(CHROMEDRIVER), options=o)
    d.set_page_load_timeout(PAGE_LOAD_TIMEOUT)
    return d


class Runner:
    def __init__(self, base_url, out_dir):
        self.base = base_url.rstrip("/")
        self.out_dir = out_dir
        self.passed = 0
        self.failed = 0
        self.driver = None
        self.sqlite = None

    # --- plumbing -------------------------------------------------------------

    def ensure_driver(self):
        """(Re)start the browser if it is not running or no longer responds."""
        if self.driver is not None:
            try:
                _ = self.driver.current_url
                return self.driver
            except WebDriverException:
                try:
                    self.driver.quit()
                except Exception:
                    pass
                self.driver = None
        self.driver = make_driver()
        return self.driver

    def quit(self):
        if self.driver is not None:
            try:
                self.driver.quit()
            except Exception:
                pass

    def run_check(self, lang, name, fn):
        """Run one independent check; any exception is a failure of this check only."""
        details = []
        try:
            problems = fn(details)
        except CheckFailed as e:
            problems = [str(e)]
        except TimeoutException as e:
            msg = (e.msg or "").strip().splitlines()
            problems = ["timeout" + (": " + msg[0] if msg else "")]
        except WebDriverException as e:
            msg = (e.msg or str(e)).strip().splitlines()
            problems = ["webdriver error: " + (msg[0] if msg else type(e).__name__)]
        except Exception as e:  # noqa: BLE001 - every check must be independent
            problems = ["%s: %s" % (type(e).__name__, e)]
            traceback.print_exc(file=sys.stderr)
        if problems:
            self.failed += 1
            print("FAIL %s %s: %s" % (lang, name, "; ".join(problems)), flush=True)
        else:
            self.passed += 1
            print("PASS %s %s" % (lang, name), flush=True)
        for line in details:
            print("    " + line, flush=True)

    def url(self, path):
        return self.base + path

    def get(self, path):
        d = self.ensure_driver()
        d.get(self.url(path))
        # On network errors Chrome shows its own page; current_url still reports the
        # requested URL, but the document's URL is chrome-error://chromewebdata/.
        if d.execute_script("return location.protocol") == "chrome-error:":
            raise CheckFailed("could not load %s (browser network error page)" % path)
        return d

    def set_language(self, lang):
        d = self.ensure_driver()
        d.delete_all_cookies()  # fresh session per language: logged out, no old lang cookie
        self.get("/?lang=" + lang)

    # --- reusable page assertions ---------------------------------------------

    def check_lang(self, lang, problems):
        actual = self.driver.execute_script("return document.documentElement.lang")
        if actual != lang:
            problems.append("html lang is %r, expected %r" % (actual, lang))

    def screenshot(self, name, problems):
        path = os.path.join(self.out_dir, name + ".png")
        if not self.driver.save_screenshot(path):
            problems.append("screenshot %s not written" % path)

    def run_axe(self, lang, problems, details):
        axe = Axe(self.driver, script_url=AXE_SCRIPT)
        axe.inject()
        result = axe.run()
        if not isinstance(result, dict) or "violations" not in result:
            problems.append("axe returned no result")
            return
        bad = 0
        for v in result["violations"]:
            impact = v.get("impact") or "unknown"
            targets = []
            for node in v.get("nodes", [])[:3]:
                targets.append(" ".join(str(t) for t in node.get("target", [])))
            line = "%s (%s): %s [%s]" % (v.get("id"), impact, v.get("help"), ", ".join(targets))
            if impact in ("serious", "critical"):
                bad += 1
                details.append("axe violation " + line)
            else:
                details.append("axe warning " + line)
        if bad:
            problems.append("%d serious/critical axe violation(s)" % bad)

    # --- checks ---------------------------------------------------------------

    def page_check(self, lang, path):
        def fn(details):
            self.set_language(lang)
            self.get(path)
            problems = []
            self.check_lang(lang, problems)
            self.screenshot("%s-%s" % (lang, slug(path)), problems)
            self.run_axe(lang, problems, details)
            return problems
        self.run_check(lang, path, fn)

    def submit_sign_in(self, login, password):
        d = self.driver
        form = None
        for f in d.find_elements(By.TAG_NAME, "form"):
            if f.find_elements(By.NAME, "login") and f.find_elements(By.NAME, "password"):
                form = f
                break
        if form is None:
            raise CheckFailed("no form with inputs name=login and name=password on /sign-in")
        lf = form.find_element(By.NAME, "login")
        pf = form.find_element(By.NAME, "password")
        lf.clear(); lf.send_keys(login)
        pf.clear(); pf.send_keys(password)
        buttons = form.find_elements(By.CSS_SELECTOR, "button[type=submit], input[type=submit]")
        if not buttons:
            raise CheckFailed("no type=submit button inside the sign-in form")
        # Mark the current document; a newly loaded page won't have the mark. (Waiting for
        # the form to go stale is unreliable with recent chromedriver: "Node with given id
        # does not belong to the document" comes back as an unknown error.)
        d.execute_script("window.__bilimOldPage = true")
        buttons[0].click()
        try:
            WebDriverWait(d, NAV_WAIT, ignored_exceptions=(WebDriverException,)).until(
                lambda drv: drv.execute_script(
                    "return !window.__bilimOldPage && document.readyState === 'complete'"))
        except TimeoutException:
            raise CheckFailed("submitting the sign-in form did not load a new page")
        if d.execute_script("return location.protocol") == "chrome-error:":
            raise CheckFailed("submitting the sign-in form led to a browser network error page")

    def sign_in_ok_check(self, lang, login, password):
        def fn(details):
            self.set_language(lang)
            self.get("/sign-in")
            self.submit_sign_in(login, password)
            d = self.driver
            try:
                WebDriverWait(d, NAV_WAIT).until(
                    lambda drv: urlsplit(drv.current_url).path.startswith("/cabinet"))
            except TimeoutException:
                raise CheckFailed("after sign-in landed on %s, expected /cabinet..."
                                  % urlsplit(d.current_url).path)
            problems = []
            self.check_lang(lang, problems)
            self.screenshot("%s-cabinet" % lang, problems)
            self.run_axe(lang, problems, details)
            return problems
        self.run_check(lang, "/sign-in[login]", fn)

    def sign_in_wrong_check(self, lang, login, password):
        def fn(details):
            self.set_language(lang)
            self.get("/sign-in")
            self.submit_sign_in(login, password + "-definitely-wrong")
            d = self.driver
            problems = []
            path = urlsplit(d.current_url).path
            if not path.startswith("/sign-in"):
                problems.append("wrong password led to %s, expected to stay on /sign-in" % path)
            alerts = d.find_elements(By.CSS_SELECTOR, "[role=alert]")
            if not alerts:
                problems.append("no [role=alert] error summary")
            else:
                a = alerts[0]
                focused = d.execute_script("return document.activeElement === arguments[0]", a)
                if not (focused or a.is_displayed()):
                    problems.append("[role=alert] is neither focused nor visible")
            self.check_lang(lang, problems)
            self.screenshot("%s-sign-in-error" % lang, problems)
            self.run_axe(lang, problems, details)
            return problems
        self.run_check(lang, "/sign-in[wrong-password]", fn)

    def keyboard_check(self, lang):
        def fn(details):
            self.set_language(lang)
            d = self.get("/")
            problems = []
            # Start from the top of the document, with nothing focused.
            d.execute_script("if (document.activeElement) document.activeElement.blur(); window.scrollTo(0, 0);")
            ActionChains(d).send_keys(Keys.TAB).perform()
            info = d.execute_script(
                "var e = document.activeElement;"
                "return e ? [e.tagName.toLowerCase(), e.getAttribute('href') || '', "
                "(e.textContent || '').trim().slice(0, 60)] : null;")
            if not info or info[0] != "a" or not info[1].endswith("#main"):
                problems.append("first Tab focused %r, expected <a href=\"#main\"> skip link" % (info,))
            mains = d.execute_script(
                "return Array.from(document.querySelectorAll('main, [role=main]'))"
                ".map(function (e) { return e.id; })")
            if len(mains) != 1:
                problems.append("%d main landmarks, expected exactly 1" % len(mains))
            elif mains[0] != "main":
                problems.append("main landmark id is %r, expected 'main'" % mains[0])
            return problems
        self.run_check(lang, "/[keyboard]", fn)


    # --- the duplicate service, walked as its users walk it -----------------------

    def last_code(self):
        """The last confirmation code the embedded SMS gateway (the standin_sms table) received. Only confirmation
        messages: a notification delivered by the outbox meanwhile carries digits too (a case number)."""
        import re, sqlite3
        if not self.sqlite:
            raise CheckFailed("--sqlite is needed to read the confirmation code")
        row = sqlite3.connect(self.sqlite).execute(
            "SELECT text FROM standin_sms WHERE message_key LIKE 'confirm:%' ORDER BY sent_at DESC, rowid DESC LIMIT 1").fetchone()
        m = re.search(r"\d{6}", row[0] if row else "")
        if not m:
            raise CheckFailed("no one-time code in the embedded SMS gateway")
        return m.group(0)

    def sign_in_as(self, lang, login, password):
        self.set_language(lang)
        self.get("/sign-in")
        self.submit_sign_in(login, password)

    def submit_form(self, form):
        d = self.driver
        d.execute_script("window.__bilimOldPage = true")
        form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        WebDriverWait(d, NAV_WAIT, ignored_exceptions=(WebDriverException,)).until(
            lambda drv: drv.execute_script("return !window.__bilimOldPage && document.readyState === 'complete'"))

    def page_ok(self, lang, shot, problems, details):
        self.check_lang(lang, problems)
        self.screenshot(shot, problems)
        self.run_axe(lang, problems, details)

    def duplicate_flow_check(self, lang, service, person_index, doc_hint, staff, password):
        """Applicant applies (form, check your answers, confirmation); staff take it up from the queue."""
        def fn(details):
            problems = []
            d = self.driver
            self.sign_in_as(lang, "applicant", password)
            self.get("/apply/" + service)
            self.page_ok(lang, "%s-apply-%s" % (lang, service), problems, details)
            from selenium.webdriver.support.ui import Select
            Select(d.find_element(By.ID, "person")).select_by_index(person_index)
            radios = [r for r in d.find_elements(By.CSS_SELECTOR, "input[name=document]")
                      if doc_hint in (d.find_element(By.CSS_SELECTOR, "label[for='%s']" % r.get_attribute("id")).text)]
            if not radios:
                raise CheckFailed("no registry document %r offered on /apply/%s" % (doc_hint, service))
            radios[0].click()
            d.find_element(By.ID, "eApplication").click()
            d.find_element(By.ID, "consent").click()
            self.submit_form(d.find_element(By.CSS_SELECTOR, "form[action='/apply/%s']" % service))
            self.page_ok(lang, "%s-apply-%s-check" % (lang, service), problems, details)
            send = [f for f in d.find_elements(By.CSS_SELECTOR, "form")
                    if f.find_elements(By.CSS_SELECTOR, "input[name=step][value=send-code]")]
            if not send:
                raise CheckFailed("no send-code form on the check-your-answers page")
            self.submit_form(send[0])
            self.page_ok(lang, "%s-apply-%s-code" % (lang, service), problems, details)
            confirm = [f for f in d.find_elements(By.CSS_SELECTOR, "form")
                       if f.find_elements(By.CSS_SELECTOR, "input[name=step][value=confirm]")]
            if not confirm:
                raise CheckFailed("no confirm form after the code was sent")
            confirm[0].find_element(By.ID, "code").send_keys(self.last_code())
            self.submit_form(confirm[0])
            if not urlsplit(d.current_url).path.startswith("/cases/"):
                raise CheckFailed("after confirming landed on %s" % urlsplit(d.current_url).path)
            if not d.find_elements(By.CSS_SELECTOR, "[role=status]"):
                problems.append("no confirmation notice with the number and deadline")
            case_path = urlsplit(d.current_url).path
            self.page_ok(lang, "%s-case-%s-applicant" % (lang, service), problems, details)
            self.get(case_path + "/application")
            if len(d.find_elements(By.CSS_SELECTOR, "article.sheet")) != 2:
                problems.append("the printable application is not in two copies")
            self.page_ok(lang, "%s-application-%s" % (lang, service), problems, details)
            # The signed receipt in the cabinet: printable, with its QR code and the link to /verify.
            self.get(case_path)
            views = [a.get_attribute("href") for a in d.find_elements(By.CSS_SELECTOR, "a[href$='/view']")]
            if not views:
                problems.append("the case page lists no signed receipt")
            else:
                self.get(urlsplit(views[0]).path)
                if not d.find_elements(By.CSS_SELECTOR, "figure.qr svg"):
                    problems.append("the signed receipt has no QR code")
                self.page_ok(lang, "%s-receipt-%s-signed" % (lang, service), problems, details)
                verify = [a.get_attribute("href") for a in d.find_elements(By.CSS_SELECTOR, "a[href*='/verify/']")]
                if not verify:
                    problems.append("the signed receipt has no verification link")
                else:
                    parts = urlsplit(verify[0])
                    self.get(parts.path + "?" + parts.query)
                    if not d.find_elements(By.CSS_SELECTOR, "section.verdict #verdict"):
                        problems.append("the QR link does not show the verdict")
                    self.page_ok(lang, "%s-verify-%s" % (lang, service), problems, details)
            # Staff: the queue, then the case, then the first action.
            self.sign_in_as(lang, staff, password)
            self.get("/cases")
            self.page_ok(lang, "%s-queue-%s" % (lang, staff), problems, details)
            self.get(case_path)
            forms = d.find_elements(By.CSS_SELECTOR, "form#action-accept-for-review")
            if not forms:
                raise CheckFailed("staff see no accept-for-review action on %s" % case_path)
            self.submit_form(forms[0])
            if not d.find_elements(By.CSS_SELECTOR, "form#action-prepare-duplicate"):
                problems.append("after accepting, no prepare-duplicate action")
            self.page_ok(lang, "%s-case-%s-staff" % (lang, service), problems, details)
            return problems
        self.run_check(lang, "/apply/%s[flow]" % service, fn)

    def desk_refusal_check(self, lang, password, iin):
        """The State Corporation operator takes an incomplete package: a refusal receipt, print-ready."""
        def fn(details):
            problems = []
            d = self.driver
            self.sign_in_as(lang, "operator", password)
            self.get("/desk/S1")
            self.page_ok(lang, "%s-desk-S1" % lang, problems, details)
            d.find_element(By.ID, "iin").send_keys(iin)
            d.find_element(By.ID, "doc-application").click()
            d.find_element(By.ID, "consent").click()
            self.submit_form(d.find_element(By.CSS_SELECTOR, "form[action='/desk/S1']"))
            if not urlsplit(d.current_url).path.startswith("/receipts/"):
                raise CheckFailed("intake landed on %s, expected a receipt" % urlsplit(d.current_url).path)
            if len(d.find_elements(By.CSS_SELECTOR, "article.sheet")) != 2:
                problems.append("the receipt is not in two copies")
            self.page_ok(lang, "%s-receipt-refusal" % lang, problems, details)
            return problems
        self.run_check(lang, "/desk/S1[refusal-receipt]", fn)

    def admission_flow_check(self, lang, password, doc_hint, choices):
        """TVET admission: the applicant applies with up to four choices, confirms by code, sees the signed notice."""
        def fn(details):
            problems = []
            d = self.driver
            from selenium.webdriver.support.ui import Select
            self.sign_in_as(lang, "applicant", password)
            self.get("/admission/apply")
            self.page_ok(lang, "%s-admission-apply" % lang, problems, details)
            radios = [r for r in d.find_elements(By.CSS_SELECTOR, "input[name=document]")
                      if doc_hint in d.find_element(By.CSS_SELECTOR, "label[for='%s']" % r.get_attribute("id")).text]
            if not radios:
                raise CheckFailed("no registry document %r offered on /admission/apply" % doc_hint)
            radios[0].click()
            for i, code in enumerate(choices):
                Select(d.find_element(By.ID, "choice%d" % (i + 1))).select_by_value(code)
            for box in ["doc_medical-075u", "doc_photo-3x4", "dormitory", "meals", "consent"]:
                d.find_element(By.ID, box).click()
            self.submit_form(d.find_element(By.CSS_SELECTOR, "form[action='/admission/apply']"))
            self.page_ok(lang, "%s-admission-check" % lang, problems, details)
            send = [f for f in d.find_elements(By.CSS_SELECTOR, "form")
                    if f.find_elements(By.CSS_SELECTOR, "input[name=step][value=send-code]")]
            if not send:
                raise CheckFailed("no send-code form on the admission check page")
            self.submit_form(send[0])
            confirm = [f for f in d.find_elements(By.CSS_SELECTOR, "form")
                       if f.find_elements(By.CSS_SELECTOR, "input[name=step][value=confirm]")]
            if not confirm:
                raise CheckFailed("no confirm form after the admission code was sent")
            confirm[0].find_element(By.ID, "code").send_keys(self.last_code())
            self.submit_form(confirm[0])
            if urlsplit(d.current_url).path != "/admission":
                raise CheckFailed("after confirming landed on %s" % urlsplit(d.current_url).path)
            if not d.find_elements(By.CSS_SELECTOR, "[role=status]"):
                problems.append("no notice that the application was accepted")
            self.page_ok(lang, "%s-admission-applied" % lang, problems, details)
            views = [a.get_attribute("href") for a in d.find_elements(By.CSS_SELECTOR, "a[href$='/view']")]
            if not views:
                problems.append("the admission page lists no signed notice")
            else:
                self.get(urlsplit(views[0]).path)
                self.page_ok(lang, "%s-admission-notice" % lang, problems, details)
            return problems
        self.run_check(lang, "/admission/apply[flow]", fn)

    def competition_check(self, lang, password):
        """The department runs the competition on the applications; publishing before 23 August is refused."""
        def fn(details):
            problems = []
            d = self.driver
            self.sign_in_as(lang, "department", password)
            self.get("/admission/competition")
            self.submit_form(d.find_element(By.CSS_SELECTOR, "form[action='/admission/competition/run']"))
            if not d.find_elements(By.CSS_SELECTOR, "[role=status]"):
                problems.append("no notice after the run")
            if not d.find_elements(By.CSS_SELECTOR, "table tbody tr"):
                problems.append("the run is not listed")
            self.page_ok(lang, "%s-admission-competition" % lang, problems, details)
            publish = d.find_elements(By.CSS_SELECTOR, "form[action='/admission/competition/publish']")
            if not publish:
                raise CheckFailed("no publish form after a run on the applications")
            self.submit_form(publish[0])
            if not d.find_elements(By.CSS_SELECTOR, "[role=alert]"):
                problems.append("publishing before the day shows no error")
            self.page_ok(lang, "%s-admission-publish-early" % lang, problems, details)
            return problems
        self.run_check(lang, "/admission/competition[run]", fn)

    def signed_in_page_check(self, lang, login, password, path):
        """A signed-in page: loads in the language, screenshot, no serious or critical axe violation."""
        def fn(details):
            problems = []
            self.sign_in_as(lang, login, password)
            self.get(path)
            self.page_ok(lang, "%s-%s-%s" % (lang, login.replace(".", "-"), slug(path)), problems, details)
            return problems
        self.run_check(lang, "%s[%s]" % (path, login), fn)

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--base-url", required=True)
    ap.add_argument("--out-dir", required=True)
    ap.add_argument("--login")
    ap.add_argument("--password")
    ap.add_argument("--applicant-iin", help="the demo applicant's IIN, for the State Corporation intake flow")
    ap.add_argument("--sqlite", help="the server's SQLite file, to read one-time codes from the embedded SMS gateway")
    args = ap.parse_args()
    if args.login and args.password is None:
        ap.error("--login needs --password")

    os.makedirs(args.out_dir, exist_ok=True)
    r = Runner(args.base_url, args.out_dir)
    r.sqlite = args.sqlite
    try:
        try:
            r.ensure_driver()
        except Exception as e:  # browser could not start at all: one failure, stop
            msg = str(e).strip().splitlines()
            print("FAIL - driver: could not start Chromium: %s" % (msg[0] if msg else type(e).__name__))
            print("browser: 0 passed, 1 failed")
            return 1
        for lang in LANGS:
            for path in PAGES:
                r.page_check(lang, path)
            r.keyboard_check(lang)
            if args.login:
                r.sign_in_ok_check(lang, args.login, args.password)
                r.sign_in_wrong_check(lang, args.login, args.password)
        if args.login:
            # The duplicate service end to end: kk on the parent's certificate, ru on the child's, en on a diploma.
            r.duplicate_flow_check("kk", "S1", 0, "ЖОБ", "school.staff", args.password)
            r.duplicate_flow_check("ru", "S1", 1, "НОБ", "school.staff", args.password)
            r.duplicate_flow_check("en", "S2", 0, "ТКБ", "college.staff", args.password)
            if args.applicant_iin:
                for lang in ["kk", "ru"]:
                    r.desk_refusal_check(lang, args.password, args.applicant_iin)
            # TVET admission (the server runs on a demo day inside the application window): the child in kk,
            # the parent on their own certificate in ru.
            r.admission_flow_check("kk", args.password, "НОБ", ["ALM-0512-1", "ALM-0111-1"])
            r.admission_flow_check("ru", args.password, "ЖОБ", ["ALM-0111-2"])
            for lang in ["kk", "ru"]:
                r.competition_check(lang, args.password)
            for lang in ["kk", "ru"]:
                for login, path in [("operator", "/courier"), ("school.staff", "/complaints"), ("reviewer", "/complaints"),
                                    ("applicant", "/cases"), ("department", "/admission/programs"),
                                    ("college.staff", "/admission/exams"), ("commission", "/admission/exams"),
                                    ("college.staff", "/admission/admitted"), ("college.staff", "/admission/desk"),
                                    ("applicant", "/admission")]:
                    r.signed_in_page_check(lang, login, args.password, path)
    finally:
        r.quit()
    print("browser: %d passed, %d failed" % (r.passed, r.failed))
    return 1 if r.failed else 0


if __name__ == "__main__":
    sys.exit(main())
