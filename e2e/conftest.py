"""Browser tests: Playwright driving Chromium against the real app under gunicorn."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from e2e.live_server import LiveServer, start_live_server
from e2e.site import Site

ROOT = Path(__file__).resolve().parents[1]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = Path(__file__).parent / "artifacts"
VIEWPORTS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 800}}
# Debian's Chromium cannot reach Google's services from a closed network; stop it trying.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update"]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    args = {**browser_type_launch_args, "args": CHROMIUM_ARGS}
    if system_chromium := shutil.which("chromium"):
        args["executable_path"] = system_chromium
    return args


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    server = start_live_server(tmp_path_factory.mktemp("live"))
    yield server
    server.stop()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


def new_context(browser: Browser, viewport: str, **options: Any) -> BrowserContext:
    context = browser.new_context(viewport=VIEWPORTS[viewport], locale="en-GB", **options)
    # An init script is injected by the browser itself, so the page's CSP stays fully on.
    context.add_init_script(path=str(AXE))
    return context


def _screenshot_on_failure(request: pytest.FixtureRequest, page: Page) -> None:
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.nodeid)[-150:]
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def make_site(
    request: pytest.FixtureRequest,
    browser: Browser,
    server: LiveServer,
    viewport: str,
    **options: Any,
) -> Iterator[Site]:
    context = new_context(browser, viewport, **options)
    page = context.new_page()
    site = Site(page=page, base_url=server.url, run_axe=options.get("java_script_enabled", True))
    yield site
    _screenshot_on_failure(request, page)
    context.close()
    site.assert_clean()


@pytest.fixture(params=["phone"])
def site(
    request: pytest.FixtureRequest, browser: Browser, live_server: LiveServer
) -> Iterator[Site]:
    """A phone-sized browser by default; parametrise ``site`` indirectly for other viewports."""
    yield from make_site(request, browser, live_server, request.param)


@pytest.fixture
def no_js_site(
    request: pytest.FixtureRequest, browser: Browser, live_server: LiveServer
) -> Iterator[Site]:
    yield from make_site(request, browser, live_server, "phone", java_script_enabled=False)
