"""The service finder: from a GP practice or an area to the services that cover it (D-2, D-4)."""

from __future__ import annotations

import pytest

from webapp.content import Catalogue, load_catalogue
from webapp.domain.service_finder import area, areas, find_practices


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def service_ids(catalogue: Catalogue, query: str) -> list[tuple[str, list[tuple[str, bool]]]]:
    return [
        (match.practice.ods, [(c.service.id, c.recommended) for c in match.covers])
        for match in find_practices(catalogue.services.values(), query)
    ]


class TestFindingByPractice:
    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            pytest.param(
                "M83601",
                [("M83601", [("micats", True), ("ipops", False)])],
                id="a Cannock Chase practice is offered MICATS first and IPOPS too (D-2)",
            ),
            pytest.param(
                "M83803",
                [("M83803", [("ipops", True), ("micats", False)])],
                id="a South East Staffordshire practice is offered IPOPS first (D-2)",
            ),
            pytest.param(
                "  m83601 ",
                [("M83601", [("micats", True), ("ipops", False)])],
                id="a code in lower case with spaces still matches",
            ),
            pytest.param(
                "hatherton street",
                [("M83601", [("micats", True), ("ipops", False)])],
                id="part of the practice name matches, whatever the case",
            ),
            pytest.param(
                "street hatherton",
                [("M83601", [("micats", True), ("ipops", False)])],
                id="name words match in any order",
            ),
            pytest.param("Z99999", [], id="an unknown code matches nothing"),
            pytest.param("M8360", [], id="part of a code does not match a practice by code"),
            pytest.param("", [], id="an empty search matches nothing"),
            pytest.param("   ", [], id="a search of only spaces matches nothing"),
        ],
    )
    def test_finds_practices_and_the_services_covering_them(
        self, catalogue: Catalogue, query: str, expected: list[object]
    ) -> None:
        assert service_ids(catalogue, query) == expected

    def test_every_practice_of_every_service_is_found_by_its_code(
        self, catalogue: Catalogue
    ) -> None:
        for service in catalogue.services.values():
            for practice in service.area.practices:
                found = find_practices(catalogue.services.values(), practice.ods)
                assert [m.practice.ods for m in found] == [practice.ods]
                assert service.id in {c.service.id for c in found[0].covers}

    def test_a_common_word_lists_many_practices_in_name_order(self, catalogue: Catalogue) -> None:
        found = find_practices(catalogue.services.values(), "surgery")
        names = [m.practice.name for m in found]
        assert len(names) > 5 and names == sorted(names)


class TestFindingByArea:
    def test_every_locality_is_listed_once_in_name_order(self, catalogue: Catalogue) -> None:
        listed = areas(catalogue.services.values())
        codes = [a.code for a in listed]
        assert len(codes) == len(set(codes))
        assert [a.name for a in listed] == sorted(a.name for a in listed)

    def test_shared_staffordshire_area_lists_both_services_recommended_first(
        self, catalogue: Catalogue
    ) -> None:
        found = area(catalogue.services.values(), "cannock_chase")
        assert found is not None
        assert [(c.service.id, c.recommended) for c in found.covers] == [
            ("micats", True),
            ("ipops", False),
        ]

    def test_unknown_area_is_none(self, catalogue: Catalogue) -> None:
        assert area(catalogue.services.values(), "atlantis") is None
