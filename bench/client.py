#!/usr/bin/env python3
"""HTTP helpers for bench/load.sh, with Python's standard library only.

  client.py login BASE USER PASSWORD N      signs in N sessions, prints one "JSESSIONID=..." per line
  client.py statements BASE COOKIE PATH...   prints each page's SQL statement count and size
  client.py save BASE COOKIE PATH N          saves the section form at PATH N times as a browser would
                                             (every field the page holds), prints p50/p99/max of the POSTs
  client.py history BASE COOKIE PATH N       saves the section at PATH N times, each changing its first
                                             question's answer (one version each), prints p50/p99/max of
                                             the POSTs, then times that question's Cronologia (first page)
  client.py transfer BASE COOKIE PATH        bytes a browser receives for the page at PATH (gzip accepted):
                                             a first visit (the page and every static file it links) and a
                                             second one (the page, and the files it may not keep cached)
"""
import html.parser
import http.client
import re
import sys
import time
import urllib.parse

CSRF = re.compile(r'name="_csrf"\s+value="([^"]+)"')


class Connection:
    def __init__(self, base, cookie=None):
        url = urllib.parse.urlparse(base)
        self.host, self.port = url.hostname, url.port or 80
        self.cookie = cookie
        self.http = http.client.HTTPConnection(self.host, self.port, timeout=120)

    def request(self, method, path, body=None, extra=None):
        headers = {"Cookie": self.cookie} if self.cookie else {}
        headers.update(extra or {})
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.http.request(method, path, body=body, headers=headers)
        response = self.http.getresponse()
        data = response.read()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie" and value.startswith("JSESSIONID="):
                self.cookie = value.split(";", 1)[0]
        return response, data


def login(base, user, password, count):
    for _ in range(count):
        c = Connection(base)
        _, page = c.request("GET", "/login")
        token = CSRF.search(page.decode()).group(1)
        response, _ = c.request("POST", "/login", urllib.parse.urlencode(
            {"username": user, "password": password, "_csrf": token}))
        location = response.getheader("Location") or ""
        if response.status != 302 or "error" in location or "locked" in location:
            sys.exit(f"sign-in as {user} failed: {response.status} {location}")
        print(c.cookie)


def statements(base, cookie, paths):
    c = Connection(base, cookie)
    for path in paths:
        c.request("GET", path)  # warm: first rendering compiles templates
        started = time.perf_counter()
        response, body = c.request("GET", path, extra={"X-Oiv-Sql-Statements": "?"})
        elapsed = (time.perf_counter() - started) * 1000
        count = response.getheader("X-Oiv-Sql-Statements") or "n/a"
        print(f"{path}\tstatus={response.status}\tsql={count}\tbytes={len(body)}\tms={elapsed:.1f}")


class FormFields(html.parser.HTMLParser):
    """The fields a browser would send for the form with id "section-form", pressing "save"."""

    def __init__(self):
        super().__init__()
        self.fields, self.inside, self.textarea = [], False, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = a.get("id") == "section-form"
        # Controls inside the form that belong to another form (form="…") are not sent with it.
        owner = a.get("form")
        if owner is not None:
            if owner != "section-form":
                return
        elif not self.inside:
            return
        if "disabled" in a or not a.get("name"):
            return
        if tag == "input":
            kind = a.get("type", "text")
            if kind in ("radio", "checkbox") and "checked" not in a:
                return
            if kind in ("submit", "button", "file"):
                return
            self.fields.append((a["name"], a.get("value", "")))
        elif tag == "textarea":
            self.textarea = [a["name"], ""]

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self.textarea is not None:
            self.fields.append(tuple(self.textarea))
            self.textarea = None
        elif tag == "form":
            self.inside = False


def save(base, cookie, path, count):
    c = Connection(base, cookie)
    times = []
    for _ in range(count):
        _, page = c.request("GET", path)
        text = page.decode()
        parser = FormFields()
        parser.feed(text)
        fields = parser.fields + [("action", "save")]
        if not any(name == "_csrf" for name, _ in fields):
            fields.append(("_csrf", CSRF.search(text).group(1)))
        started = time.perf_counter()
        response, _ = c.request("POST", path, urllib.parse.urlencode(fields))
        times.append((time.perf_counter() - started) * 1000)
        if response.status != 302:
            sys.exit(f"save answered {response.status}")
    slowest = sorted(range(count), key=lambda i: -times[i])[:3]
    print("slowest saves: " + ", ".join(f"#{i + 1} {times[i]:.1f} ms" for i in slowest))
    times.sort()
    pick = lambda q: times[min(len(times) - 1, int(q * len(times)))]
    print(f"RESULT saves={count} p50_ms={pick(0.5):.1f} p99_ms={pick(0.99):.1f} max_ms={times[-1]:.1f}")


QUESTION = re.compile(r'id="question-([0-9.]+)"')


def history(base, cookie, path, count):
    c = Connection(base, cookie)
    times = []
    code = None
    for i in range(count):
        _, page = c.request("GET", path)
        text = page.decode()
        code = code or QUESTION.search(text).group(1)
        parser = FormFields()
        parser.feed(text)
        fields = [(name, f"Versione {i + 1} della risposta, salvata dal banco di prova." if name == "answers[0].motivation"
                   else value) for name, value in parser.fields] + [("action", "save")]
        if not any(name == "_csrf" for name, _ in fields):
            fields.append(("_csrf", CSRF.search(text).group(1)))
        started = time.perf_counter()
        response, _ = c.request("POST", path, urllib.parse.urlencode(fields))
        times.append((time.perf_counter() - started) * 1000)
        if response.status != 302:
            sys.exit(f"save answered {response.status}")
    times.sort()
    pick = lambda values, q: values[min(len(values) - 1, int(q * len(values)))]
    print(f"RESULT changing_saves={count} p50_ms={pick(times, 0.5):.1f} p99_ms={pick(times, 0.99):.1f} "
          f"max_ms={times[-1]:.1f}")
    history_path = f"{path}/questions/{code}/history"
    renders = []
    versions = 0
    for i in range(60):
        started = time.perf_counter()
        response, page = c.request("GET", history_path)
        took = (time.perf_counter() - started) * 1000
        if response.status != 200:
            sys.exit(f"{history_path} answered {response.status}")
        if i >= 10:  # the first renderings compile the template
            renders.append(took)
        versions = page.decode().count('class="oiv-history-version"')
    renders.sort()
    print(f"RESULT history={history_path} versions={versions} bytes={len(page)} p50_ms={pick(renders, 0.5):.1f} "
          f"p99_ms={pick(renders, 0.99):.1f} max_ms={renders[-1]:.1f}")


LINKED = re.compile(r'(?:href|src)="(/(?:webjars|assets)/[^"#]+)')


def transfer(base, cookie, path):
    c = Connection(base, cookie)
    gzip = {"Accept-Encoding": "gzip"}
    response, page = c.request("GET", path, extra=gzip)
    text = page
    if response.getheader("Content-Encoding") == "gzip":
        import gzip as gz
        text = gz.decompress(page)
    first, second, cached = len(page), len(page), 0
    rows = []
    for linked in dict.fromkeys(LINKED.findall(text.decode())):
        r, body = c.request("GET", linked, extra=gzip)
        control = r.getheader("Cache-Control") or ""
        keeps = "max-age=" in control and "no-store" not in control and "no-cache" not in control
        first += len(body)
        second += 0 if keeps else len(body)
        cached += len(body) if keeps else 0
        rows.append(f"  {linked}: {len(body)} bytes, {r.getheader('Content-Encoding') or 'identity'}, {control}")
    print("\n".join(rows))
    print(f"RESULT page={len(page)} first_visit={first} second_visit={second} cached={cached}")


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "login":
        login(args[0], args[1], args[2], int(args[3]))
    elif command == "statements":
        statements(args[0], args[1], args[2:])
    elif command == "save":
        save(args[0], args[1], args[2], int(args[3]))
    elif command == "history":
        history(args[0], args[1], args[2], int(args[3]))
    elif command == "transfer":
        transfer(args[0], args[1], args[2])
    else:
        sys.exit(__doc__)
