"""Lighthouse (mobile) accessibility and best-practices scores of home, an article, a section and signup.

    npm install --prefix /tmp/lh lighthouse@12          # once; not a project dependency
    DATABASE_URL=sqlite:////tmp/lh-demo.sqlite3 .venv/bin/python manage.py migrate
    DATABASE_URL=sqlite:////tmp/lh-demo.sqlite3 .venv/bin/python manage.py seed_demo
    DATABASE_URL=sqlite:////tmp/lh-demo.sqlite3 .venv/bin/python bench/lighthouse.py --port 8237

Uses the database as it is. Starts `manage.py runserver` on --port (or uses --url, a server already
running), finds the newest article and a section from the home page, runs Lighthouse with the system
Chromium (CHROME_PATH, default /usr/bin/chromium) in its mobile form factor, and prints each score with
the audits that lowered it. Exits 1 when a score is below 100. The JSON reports go to --out.
Not part of the test suite: one page takes about a minute on a busy 2-core machine.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CATEGORIES = ("accessibility", "best-practices")


def lighthouse_command(given):
    installed = "/tmp/lh/node_modules/.bin/lighthouse"  # noqa: S108 where the docstring installs it
    for candidate in (given, installed, shutil.which("lighthouse")):
        if candidate and Path(candidate).exists():
            return candidate
    sys.exit("lighthouse가 없습니다: npm install --prefix /tmp/lh lighthouse@12 (또는 --lighthouse 경로)")


def fetch(url):
    return urllib.request.urlopen(url, timeout=60).read().decode()  # noqa: S310 loopback only


def wait_ready(base, proc):
    for _ in range(120):
        if proc.poll() is not None:
            sys.exit(f"runserver stopped (exit {proc.returncode})")
        try:
            fetch(base + "/")
            return
        except OSError:
            time.sleep(1)
    sys.exit("runserver did not answer in 2 minutes")


def pages(base):
    home = fetch(base + "/")
    article = re.search(r'href="(/article/\d+/)"', home)
    section = re.search(r'href="(/section/[\w-]+/[\w-]+/)"', home)
    if not (article and section):
        sys.exit("no article or section link on the home page: seed the demo first (manage.py seed_demo)")
    return {"home": "/", "article": article.group(1), "section": section.group(1), "signup": "/accounts/signup/"}


def run(lighthouse, url, report):
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run(  # noqa: S603 our own arguments
        [
            lighthouse,
            url,
            "--only-categories=" + ",".join(CATEGORIES),
            "--form-factor=mobile",
            "--screenEmulation.mobile",
            "--output=json",
            f"--output-path={report}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            "--quiet",
        ],
        check=True,
        env=env,
        timeout=600,
    )
    result = json.loads(Path(report).read_text())
    scores = {name: round(result["categories"][name]["score"] * 100) for name in CATEGORIES}
    lowered = []
    for name in CATEGORIES:
        for ref in result["categories"][name]["auditRefs"]:
            audit = result["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                items = (audit.get("details") or {}).get("items") or []
                where = [str((item.get("node") or {}).get("selector") or item.get("url") or "")[:90] for item in items]
                lowered.append(f"{name}: {audit['id']} ({audit['title']}) {', '.join(w for w in where[:3] if w)}")
    return scores, lowered


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8237)
    parser.add_argument("--url", help="a server already running, e.g. http://127.0.0.1:8000")
    parser.add_argument("--lighthouse", help="path of the lighthouse command")
    parser.add_argument("--out", default=str(Path(tempfile.gettempdir()) / "lighthouse-reports"))
    args = parser.parse_args()
    lighthouse = lighthouse_command(args.lighthouse)
    Path(args.out).mkdir(parents=True, exist_ok=True)

    proc = None
    base = (args.url or f"http://127.0.0.1:{args.port}").rstrip("/")
    if not args.url:
        subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"], cwd=ROOT, check=True
        )
        proc = subprocess.Popen(  # noqa: S603
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{args.port}", "--noreload"],
            cwd=ROOT,
            env={**os.environ, "PORT": str(args.port)},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    failed = False
    try:
        if proc:
            wait_ready(base, proc)
        print(f"{'page':8} {'path':28} " + " ".join(f"{name:>15}" for name in CATEGORIES))
        for name, path in pages(base).items():
            scores, lowered = run(lighthouse, base + path, f"{args.out}/{name}.json")
            print(f"{name:8} {path:28} " + " ".join(f"{scores[c]:>15}" for c in CATEGORIES), flush=True)
            for line in lowered:
                print(f"         - {line}")
            failed |= any(score < 100 for score in scores.values())
    finally:
        if proc:
            proc.terminate()
            proc.wait(timeout=30)
    print(f"load average {os.getloadavg()[0]:.1f}; reports in {args.out}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
