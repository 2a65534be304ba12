"""Schemathesis hooks for the Bilim fuzzing step (loaded through SCHEMATHESIS_HOOKS by run.sh).

Every HTML form of Bilim passes a CSRF check first: the `_csrf` field must carry the form token of
this browser (the double-submit `bilim_csrf` cookie; a newer server may derive it from the session
or also take it in an `X-CSRF-Token` header). Without it every form POST stops at 403 and the
fuzzer never reaches the handler behind it. BILIM_FUZZ_CSRF is the token that the server's own
pages carry for the cookies sent with -H "Cookie: ..." (scripts/fuzz/sign_in.py reads it); this hook
puts it into every form body that schemathesis generated as an object, and into the header.
"""
import os

import schemathesis

CSRF = os.environ.get("BILIM_FUZZ_CSRF", "")
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


@schemathesis.hook
def before_call(ctx, case, **kwargs):
    if not CSRF:
        return
    if case.headers is None:
        case.headers = {}
    case.headers.setdefault("X-CSRF-Token", CSRF)
    media_type = (case.media_type or "").split(";")[0].strip().lower()
    if media_type in FORM_TYPES and isinstance(case.body, dict):
        case.body["_csrf"] = CSRF
