#!/usr/bin/env python3
"""Name search latency over HTTP, as a user meets it: p50/p95 of GET /api/members?q=… for real
names of the demo register, typed with and without diacritics (half each), signed in as the
province board (whole province). Needs the app running on the demo database (README) and
data/demo-accounts.txt. Usage: python3 bench/search.py [BASE_URL] [N]"""
import http.cookiejar, json, random, sqlite3, statistics, subprocess, sys, time, unicodedata, urllib.parse, urllib.request

base = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:5080"
n = int(sys.argv[2]) if len(sys.argv) > 2 else 60
root = subprocess.check_output(["git", "rev-parse", "--show-toplevel"], text=True).strip()
accounts = {line.split()[0]: line for line in open(f"{root}/data/demo-accounts.txt", encoding="utf-8") if line[:1].isalpha()}
password = accounts["tinh"].split("mật khẩu: ")[1].split()[0]
code = subprocess.check_output(["dotnet", "run", "--no-build", "--project", f"{root}/src/ChiBo.Cli", "--", "user", "totp", "--username", "tinh"], text=True).strip()

jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
login = urllib.request.Request(f"{base}/api/auth/login", json.dumps({"username": "tinh", "password": password, "totp": code}).encode(), {"Content-Type": "application/json", "X-ChiBo": "1"})
opener.open(login).read()

names = [r[0] for r in sqlite3.connect(f"{root}/data/chibo.db").execute("SELECT full_name FROM members WHERE status IN (1,2,3) ORDER BY random() LIMIT ?", (n,))]
def fold(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn").replace("đ", "d").replace("Đ", "D").lower()

random.seed(1)
times, found = [], 0
for i, name in enumerate(names):
    q = fold(name) if i % 2 else name
    for warm in (True, False):
        t = time.perf_counter()
        body = json.loads(opener.open(f"{base}/api/members?q={urllib.parse.quote(q)}").read())
        if not warm:
            times.append((time.perf_counter() - t) * 1000)
            found += body["total"] > 0
times.sort()
p95 = times[max(0, int(len(times) * 0.95 + 0.5) - 1)]
print(f"{len(times)} searches (full names, half without diacritics), found {found}: p50 {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, max {times[-1]:.1f} ms")
