"""Problems a schema alone cannot see: broken references, unknown ids, duplicates, overlaps."""

from __future__ import annotations

import pytest

FILE = "content/services/sample-service.yaml"
PRACTICE = {"ods": "Z99001", "name": "Sample Surgery", "locality": "sample_area"}


class TestReferencesWithinAService:
    @pytest.mark.parametrize(
        ("edits", "expected"),
        [
            pytest.param(
                {"conditions.excluded[0].codes": ["vertigo", "ingrown_toenail"]},
                "conditions.excluded[0].codes[1]: unknown condition code 'ingrown_toenail'",
                id="a condition code missing from conditions.yaml is unknown",
            ),
            pytest.param(
                {"conditions.included": [{"codes": ["vertigo"], "source": "decision D-1"}]},
                "conditions: codes both included and excluded: ['vertigo']",
                id="a code cannot be both included and excluded",
            ),
            pytest.param(
                {"area.practices": [PRACTICE, {**PRACTICE, "name": "Twin Surgery"}]},
                "area.practices[1]: ODS code 'Z99001' appears more than once",
                id="a duplicate ODS code within a service is reported",
            ),
            pytest.param(
                {"area.practices[0].locality": "elsewhere"},
                "area.practices[0].locality: unknown locality 'elsewhere'",
                id="a practice in a locality the service does not list",
            ),
            pytest.param(
                {"self_referral.disciplines": ["rheumatology"]},
                "self_referral.disciplines[0]: 'rheumatology' is not one of this service's "
                "disciplines ['physiotherapy']",
                id="self-referral to a discipline the service does not offer",
            ),
            pytest.param(
                {"self_referral.open": False},
                "self_referral.open: closed, yet routes include ['self']",
                id="a closed self-referral with a self route",
            ),
            pytest.param(
                {"referral_routes": [{"route": "professional", "source": "decision D-3"}]},
                "self_referral.open: open, yet no 'self' or 'telephone' route is listed",
                id="an open self-referral with no route to use it",
            ),
            pytest.param(
                {"id": "another-service"},
                "id: id 'another-service' must match the file name 'sample-service'",
                id="an id that does not match its file name",
            ),
            pytest.param(
                {"area.shared_with": ["no-such-service"]},
                "area.shared_with[0]: unknown service id 'no-such-service'",
                id="sharing an area with an unknown service id",
            ),
            pytest.param(
                {"queue.source": "999_0000000000000000.txt §1"},
                "queue.source: unknown seed file '999_0000000000000000.txt'",
                id="a source citing a seed not in sources.yaml",
            ),
            pytest.param(
                {"queue.source": "decision D-99"},
                "queue.source: unknown decision 'D-99'",
                id="a source citing a decision not in sources.yaml",
            ),
        ],
    )
    def test_broken_reference_is_reported_with_its_field(self, content_folder, edits, expected):
        content_folder.write_service(edits)

        problems = content_folder.problems()
        assert any(p.startswith(f"{FILE}: {expected}") for p in problems), problems
        assert len(problems) == 1, "one mistake, one problem"


class TestPracticesAcrossServices:
    def test_two_services_may_not_list_the_same_practice(self, content_folder):
        content_folder.write_service(file_id="second")

        assert content_folder.problems() == [
            "content/services/second.yaml: area.practices[0].ods: "
            "Z99001 is also a practice of 'sample-service'"
        ]

    def test_services_that_share_an_area_both_ways_may(self, content_folder):
        """As IPOPS and MICATS do (decision D-2)."""
        content_folder.write_service({"area.shared_with": ["second"]})
        content_folder.write_service({"area.shared_with": ["sample-service"]}, file_id="second")

        assert content_folder.problems() == []

    def test_sharing_must_be_declared_on_both_sides(self, content_folder):
        content_folder.write_service({"area.shared_with": ["second"]})
        content_folder.write_service(file_id="second")

        assert f"{FILE}: area.shared_with[0]: 'second' does not list 'sample-service' back" in (
            content_folder.problems()
        )

    def test_a_shared_practice_has_one_name(self, content_folder):
        content_folder.write_service({"area.shared_with": ["second"]})
        content_folder.write_service(
            {"area.shared_with": ["sample-service"], "area.practices[0].name": "Renamed Surgery"},
            file_id="second",
        )

        assert content_folder.problems() == [
            "content/services/second.yaml: area.practices[0].ods: "
            "Z99001 is named 'Sample Surgery' in 'sample-service'"
        ]
