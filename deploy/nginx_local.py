"""Run deploy/nginx.conf locally: the same file, rendered for a port and folders, nginx in the foreground.

    .venv/bin/python deploy/nginx_local.py --port 8152 --app-port 8000      # or: make nginx
    .venv/bin/python deploy/nginx_local.py --print                          # show the rendered file

Replaces only the production addresses and paths of deploy/nginx.conf (listen port,
gunicorn address, static and media folders, cache folder) and wraps it in a small main
configuration whose pid, logs, temp files and cache live in --workdir. Binds 127.0.0.1
only. Used by tests/deploy/test_nginx.py and the benchmarks.
"""

import argparse
import getpass
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SITE_CONF = ROOT / "deploy" / "nginx.conf"

MAIN = """\
{user}worker_processes {workers};
pid {work}/nginx.pid;
error_log {work}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;
    access_log {access_log};
    client_body_temp_path {work}/temp/body;
    proxy_temp_path {work}/temp/proxy;
    fastcgi_temp_path {work}/temp/fastcgi;
    uwsgi_temp_path {work}/temp/uwsgi;
    scgi_temp_path {work}/temp/scgi;
    include {work}/firstnews.conf;
}}
"""


def render_site(port, app_port, static_root, media_root, cache_dir):
    """deploy/nginx.conf with the local values; each production value must be found exactly once."""
    text = SITE_CONF.read_text()
    replacements = [
        ("listen 80;", f"listen 127.0.0.1:{port};"),
        ("server 127.0.0.1:8000;", f"server 127.0.0.1:{app_port};"),
        ("alias /srv/firstnews/staticfiles/;", f"alias {Path(static_root).resolve()}/;"),
        ("alias /srv/firstnews/media/;", f"alias {Path(media_root).resolve()}/;"),
        ("proxy_cache_path /var/cache/nginx/firstnews ", f"proxy_cache_path {cache_dir} "),
    ]
    for old, new in replacements:
        if text.count(old) != 1:
            raise ValueError(f"deploy/nginx.conf no longer contains {old!r} exactly once")
        text = text.replace(old, new)
    return text


def prepare(workdir, port, app_port, static_root, media_root, workers=1, access_log=False):
    """Write the configuration into workdir and return the nginx command that runs it in the foreground."""
    work = Path(workdir).resolve()
    for sub in ("temp", "cache"):
        (work / sub).mkdir(parents=True, exist_ok=True)
    (work / "firstnews.conf").write_text(render_site(port, app_port, static_root, media_root, work / "cache"))
    # As root the master would hand the workers to "nobody", who may not read the checkout.
    user = f"user {getpass.getuser()};\n" if os.geteuid() == 0 else ""
    (work / "nginx.conf").write_text(
        MAIN.format(
            user=user,
            workers=workers,
            work=work,
            access_log=f"{work}/access.log" if access_log else "off",
        )
    )
    return [nginx_binary(), "-p", str(work), "-c", str(work / "nginx.conf"), "-e", str(work / "error.log"),
            "-g", "daemon off;"]  # fmt: skip


def nginx_binary():
    return shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=8152, help="nginx listens on 127.0.0.1:PORT")
    parser.add_argument("--app-port", type=int, default=8000, help="gunicorn on 127.0.0.1:APP_PORT")
    parser.add_argument("--static-root", default=str(ROOT / "staticfiles"))
    parser.add_argument("--media-root", default=os.environ.get("MEDIA_ROOT", str(ROOT / "media")))
    parser.add_argument("--workdir", help="pid, logs, temp files and cache (default: a new temporary folder)")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--print", action="store_true", help="print the rendered site file and exit")
    args = parser.parse_args()
    if args.print:
        print(render_site(args.port, args.app_port, args.static_root, args.media_root, "/var/cache/nginx/firstnews"))
        return
    if nginx_binary() is None:
        sys.exit("nginx is not installed: apt-get install nginx")
    workdir = args.workdir or tempfile.mkdtemp(prefix="firstnews-nginx-")
    command = prepare(workdir, args.port, args.app_port, args.static_root, args.media_root, args.workers, True)
    subprocess.run([*command[:-2], "-t", "-q"], check=True)  # noqa: S603 our own nginx command
    print(f"nginx on http://127.0.0.1:{args.port}/ in front of 127.0.0.1:{args.app_port} (files in {workdir})")
    os.execv(command[0], command)  # noqa: S606 replaces this process: Ctrl-C stops nginx


if __name__ == "__main__":
    main()
