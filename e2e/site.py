"""A small page object over Playwright that checks every page it lands on.

Each page reached through ``goto``, ``follow`` or ``submit`` is run through axe-core
(WCAG 2.2 A and AA) and must not trip the Content-Security-Policy or fail to load an
asset. At the end of a test, any page that was visited but never checked is a failure.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from playwright.sync_api import ConsoleMessage, Locator, Page, Response

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
AXE_RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))
  }));
}"""


def _without_fragment(url: str) -> str:
    # Jumping to #maincontent moves within a page that was already checked.
    return url.split("#", 1)[0]


@dataclass
class Site:
    page: Page
    base_url: str
    visited: list[str] = field(default_factory=list)
    checked: set[str] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)
    # axe needs JavaScript; pages seen with it off are the same HTML, checked in other tests.
    run_axe: bool = True

    def __post_init__(self) -> None:
        self.page.on("framenavigated", self._navigated)
        self.page.on("console", self._console)
        self.page.on("response", self._response)

    def _navigated(self, frame: object) -> None:
        if frame == self.page.main_frame:
            self.visited.append(_without_fragment(self.page.url))

    def _console(self, message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text or "Refused to" in message.text:
            self.problems.append(f"CSP: {message.text}")

    def _response(self, response: Response) -> None:
        if response.request.resource_type != "document" and response.status >= 400:
            self.problems.append(f"asset {response.url} answered {response.status}")

    def goto(self, path: str, *, status: int = 200) -> Response:
        response = self.page.goto(self.base_url + path)
        assert response is not None and response.status == status, (
            f"{path}: {response and response.status}"
        )
        self.check_page()
        return response

    def follow(self, link: Locator) -> None:
        with self.page.expect_navigation():
            link.click()
        self.check_page()

    def submit(self, button: Locator) -> None:
        self.follow(button)

    def check_page(self) -> None:
        self.page.wait_for_load_state("load")
        if not self.run_axe:
            self.checked.add(_without_fragment(self.page.url))
            return
        violations = self.page.evaluate(AXE_RUN, WCAG_TAGS)
        assert not violations, f"{self.page.url}: axe found\n{json.dumps(violations, indent=2)}"
        self.checked.add(_without_fragment(self.page.url))

    def assert_clean(self) -> None:
        unchecked = [
            url for url in self.visited if url not in self.checked and url != "about:blank"
        ]
        assert not unchecked, f"pages visited but never checked with axe: {unchecked}"
        assert not self.problems, "\n".join(self.problems)

    def html_attributes(self) -> tuple[str | None, str | None]:
        html = self.page.locator("html")
        return html.get_attribute("lang"), html.get_attribute("dir")
