"""The real content/ folder: it loads, passes every check, and each service cites its own seed."""

from __future__ import annotations

from itertools import combinations

import pytest
from pydantic import ValidationError

from webapp.content import LANGUAGES, check_catalogue
from webapp.content.checks_catalogue import cited_sources

OWN_SEED = {
    "ipops": "000_fbc9cdd622a3ad15.txt",
    "micats": "000_fbc9cdd622a3ad15.txt",
    "cyp-stoke": "000_fbc9cdd622a3ad15.txt",
    "ltc-staffs": "000_fbc9cdd622a3ad15.txt",
    "imsk-central-lancs": "001_7a3287662f2ad092.txt",
    "nwl-msk": "002_9f9344711de30ddb.txt",
    "mid-notts-cpms": "003_55f8807176bc92cd.txt",
    "camden-cims": "004_f0d5cd13ada09652.txt",
}


class TestTheRealCatalogue:
    def test_holds_exactly_the_eight_services_of_issue_3(self, catalogue):
        assert set(catalogue.services) == set(OWN_SEED)

    def test_content_check_finds_no_problems(self):
        assert check_catalogue() == []

    @pytest.mark.parametrize("service_id", sorted(OWN_SEED))
    def test_every_rule_cites_its_own_seed_or_a_decision(self, catalogue, service_id):
        for path, source in cited_sources(catalogue.services[service_id]):
            for part in source.split("; "):
                assert part.startswith((f"{OWN_SEED[service_id]} §", "decision D-")), (path, part)

    @pytest.mark.parametrize("service_id", sorted(OWN_SEED))
    def test_name_and_summary_are_in_all_six_languages(self, catalogue, service_id):
        service = catalogue.services[service_id]
        assert tuple(service.name) == LANGUAGES
        assert tuple(service.summary) == LANGUAGES

    def test_the_loaded_catalogue_cannot_be_changed(self, catalogue):
        ipops = catalogue.services["ipops"]
        with pytest.raises(TypeError):
            catalogue.services["ipops"] = ipops  # type: ignore[index]
        with pytest.raises(TypeError):
            ipops.name["en"] = "Renamed"  # type: ignore[index]
        with pytest.raises(ValidationError):
            ipops.queue.order = "referral_date"  # type: ignore[misc]


class TestSamplePractices:
    @pytest.mark.parametrize("service_id", sorted(OWN_SEED))
    def test_are_flagged_because_no_seed_lists_practices(self, catalogue, service_id):
        assert catalogue.services[service_id].area.practices_are_sample

    def test_only_ipops_and_micats_share_practices(self, catalogue):
        """Decision D-2: the two share the three Staffordshire areas; nobody else overlaps."""
        services = catalogue.services.values()
        overlapping = {
            frozenset({a.id, b.id})
            for a, b in combinations(services, 2)
            if a.area.practice_codes & b.area.practice_codes
        }
        assert overlapping == {frozenset({"ipops", "micats"})}

    def test_ipops_and_micats_list_the_same_practices(self, catalogue):
        ipops, micats = catalogue.services["ipops"], catalogue.services["micats"]
        assert ipops.area.practices == micats.area.practices
