#!/usr/bin/env python3
"""Signs a demo account in with its password and prints the cookies for a `Cookie:` header.

Usage: sign_in.py BASE_URL LOGIN PASSWORD
       sign_in.py BASE_URL --anonymous
Prints two lines: the cookies (`bilim_session=...; bilim_csrf=...`, every cookie the server set) and
the form token that the server's own pages put into their hidden `_csrf` field for this browser.
Exits non-zero when the sign-in was refused. --anonymous only opens /sign-in, as a browser that has
not signed in: the CSRF cookie and its form token, without a session.

How the server does it (AuthController.signIn, SessionMiddleware): GET /sign-in plants the CSRF
double-submit cookie `bilim_csrf`; POST /sign-in takes login, password and `_csrf` (equal to that
cookie) as a form, answers 303 to /cabinet and sets `bilim_session` together with a new `bilim_csrf`.
The form token is read from a page rather than assumed equal to the cookie, so a server that derives
it from the session (an HMAC of the session token, say) is fuzzed as well.
"""
import html
import re
import sys
import urllib.error
import urllib.parse
import urllib.request


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def form_token(page: str) -> str | None:
    found = re.search(r'name="_csrf"\s+value="([^"]*)"', page) or re.search(r'value="([^"]*)"\s+name="_csrf"', page)
    return html.unescape(found.group(1)) if found else None


class Browser:
    """Keeps cookies the way a browser on loopback does: http://127.0.0.1 is a secure context, so `Secure` and
    `__Host-` cookies are kept and sent (http.cookiejar would drop them over http)."""

    def __init__(self, base: str):
        self.base = base
        self.cookies: dict[str, str] = {}
        self.opener = urllib.request.build_opener(NoRedirect())

    def open(self, path: str, data: bytes | None = None, headers: dict[str, str] | None = None):
        h = dict(headers or {})
        if self.cookies:
            h["Cookie"] = self.header()
        request = urllib.request.Request(self.base + path, data=data, headers=h)
        try:
            response = self.opener.open(request, timeout=10)
        except urllib.error.HTTPError as error:  # 3xx land here because redirects are not followed
            response = error
        for value in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = value.partition("=")
            cookie_value = rest.split(";", 1)[0]
            if "max-age=0" in value.lower():
                self.cookies.pop(name.strip(), None)
            else:
                self.cookies[name.strip()] = cookie_value
        body = response.read().decode("utf-8", "replace")
        return response.status if hasattr(response, "status") else response.code, body

    def header(self) -> str:
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items())

    def cookie(self, suffix: str) -> str | None:
        return next((v for k, v in self.cookies.items() if k.endswith(suffix)), None)


def main() -> int:
    base = sys.argv[1].rstrip("/")
    browser = Browser(base)
    _, page = browser.open("/sign-in")
    csrf = form_token(page) or browser.cookie("bilim_csrf")
    if not csrf:
        print("no _csrf field nor bilim_csrf cookie from GET /sign-in", file=sys.stderr)
        return 1
    if sys.argv[2] == "--anonymous":
        print(browser.header())
        print(csrf)
        return 0
    login, password = sys.argv[2], sys.argv[3]
    body = urllib.parse.urlencode({"login": login, "password": password, "_csrf": csrf}).encode()
    status, _ = browser.open("/sign-in", data=body, headers={"Content-Type": "application/x-www-form-urlencoded"})
    if status != 303 or not browser.cookie("bilim_session"):
        print(f"sign-in as {login} refused: HTTP {status}", file=sys.stderr)
        return 1
    # Check the session works: the cabinet answers 200 instead of redirecting to /sign-in.
    # The cabinet's forms (sign-out) carry the form token of the new session.
    status, page = browser.open("/cabinet")
    if status != 200:
        print(f"the session of {login} does not open /cabinet: HTTP {status}", file=sys.stderr)
        return 1
    token = form_token(page)
    if not token:
        print(f"no form token for {login} on /cabinet", file=sys.stderr)
        return 1
    print(browser.header())
    print(token)
    return 0


if __name__ == "__main__":
    sys.exit(main())
