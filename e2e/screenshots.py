"""Phone-sized screenshots for a person to look at: `make screenshots PAGES="/ /privacy"`.

Not a test: it serves the app, opens each page in each language at phone size, and writes
full-page PNGs under e2e/artifacts/screens/.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from e2e.conftest import CHROMIUM_ARGS, VIEWPORTS
from e2e.live_server import start_live_server

OUT = Path(__file__).parent / "artifacts" / "screens"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", nargs="+", default=["/"])
    parser.add_argument("--langs", nargs="+", default=["en", "ur"])
    parser.add_argument("--viewport", choices=sorted(VIEWPORTS), default="phone")
    parser.add_argument("--content", type=Path, help="another content folder to serve")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    server = start_live_server(Path(tempfile.mkdtemp()), content_root=args.content)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS
            )
            page = browser.new_page(viewport=VIEWPORTS[args.viewport])
            for path in args.pages:
                for lang in args.langs:
                    separator = "&" if "?" in path else "?"
                    page.goto(f"{server.url}{path}{separator}lang={lang}")
                    name = (path.strip("/").replace("/", "_") or "start") + f"-{lang}.png"
                    page.screenshot(path=str(OUT / name), full_page=True)
                    print(OUT / name)
            browser.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
