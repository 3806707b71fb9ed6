"""Time rendering a 24-page edition to page images (epaper/pages.py), as an upload would.

    .venv/bin/python bench/epaper_render.py [--pages 24]

Makes a broadsheet-like PDF with reportlab (A3 pages with text columns and a photo), renders it into
a temporary folder and prints the wall and CPU time and the sizes written. Needs no database.
"""

import argparse
import datetime
import os
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "firstnews.settings")

import django  # noqa: E402

django.setup()

from django.core.files.base import ContentFile  # noqa: E402
from django.core.files.storage import FileSystemStorage  # noqa: E402

from epaper.pages import render_pages  # noqa: E402
from tests.factories import newspaper_pdf  # noqa: E402


class StoredPdf:
    def __init__(self, storage, name):
        self.storage, self.name = storage, name

    def open(self, mode="rb"):
        return self.storage.open(self.name, mode)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=24)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        storage = FileSystemStorage(location=folder, base_url="/media/")
        name = storage.save("edition.pdf", ContentFile(newspaper_pdf(args.pages)))
        edition = SimpleNamespace(pdf=StoredPdf(storage, name), date=datetime.date(2026, 11, 27))
        wall, cpu = time.perf_counter(), time.process_time()
        result = render_pages(edition)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        sizes = dict.fromkeys(result["pages"][0], 0)
        for entry in result["pages"]:
            for size, (path, _w, _h) in entry.items():
                sizes[size] += storage.size(path)
        first = result["pages"][0]
        print(f"PDF: {args.pages} pages, {storage.size(name) // 1024} KB")
        print(
            f"rendered {len(result['pages'])} pages in {wall:.1f} s wall, {cpu:.1f} s CPU ({wall / args.pages:.2f} s/page)"
        )
        for size, total in sizes.items():
            print(f"  {size:5} {first[size][1]}x{first[size][2]}: {total / len(result['pages']) / 1024:.0f} KB/page")


if __name__ == "__main__":
    main()
