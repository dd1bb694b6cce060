"""A broken service file is reported with its file, the field and what was expected."""

from __future__ import annotations

import pytest

from webapp.content import ContentError, load_catalogue

DELETE = "<delete>"  # the content_folder fixture removes the field
FILE = "content/services/sample-service.yaml"
CITE = "000_fbc9cdd622a3ad15.txt §CS_24 3.3.1"


class TestAValidFixture:
    def test_the_minimal_service_passes_every_check(self, content_folder):
        assert content_folder.problems() == []
        assert set(load_catalogue(content_folder.root).services) == {"sample-service"}


class TestBrokenFieldsAreNamed:
    @pytest.mark.parametrize(
        ("edits", "expected"),
        [
            pytest.param(
                {"queue.source": DELETE},
                "queue.source: Field required",
                id="a rule without a source is refused",
            ),
            pytest.param(
                {"queue.source": "the seed"},
                "queue.source: Value error, a source reads",
                id="a source that names no seed section or decision is refused",
            ),
            pytest.param(
                {"queue.order": "alphabetical"},
                "queue.order: Input should be 'priority_then_due' or 'referral_date'",
                id="an unknown queue order lists the codes expected",
            ),
            pytest.param(
                {"referral_routes[0].route": "email"},
                "referral_routes[0].route: Input should be",
                id="an unknown referral route is refused at its index",
            ),
            pytest.param(
                {"area.practices[0].ods": "12345"},
                "area.practices[0].ods: String should match pattern",
                id="an ODS code must be a letter and five digits",
            ),
            pytest.param(
                {"hours.regular": [{"days": ["mon"], "opens": "25:00", "closes": "18:00"}]},
                "hours.regular[0].opens: Input should be in a valid time format",
                id="an impossible opening time is refused",
            ),
            pytest.param(
                {"hours.regular": [{"days": ["mon"], "opens": "18:30", "closes": "08:00"}]},
                "hours.regular[0]: Value error, opens at 18:30:00 but closes at 08:00:00",
                id="opening after closing is refused",
            ),
            pytest.param(
                {
                    "age": [
                        {"min_age": 18, "source": CITE},
                        {"min_age": 16, "effective_from": "2026-02-30", "source": CITE},
                    ]
                },
                "age[1].effective_from: Input should be a valid date",
                id="an invalid date is refused with its field",
            ),
            pytest.param(
                {"age[0].max_age": 10},
                "age[0]: Value error, min_age 18 is above max_age 10",
                id="a minimum age above the maximum is refused",
            ),
            pytest.param(
                {"age": [{"min_age": 18, "source": CITE}, {"min_age": 16, "source": CITE}]},
                "age: Value error, exactly one age rule must apply from the start",
                id="two undated age rules are refused",
            ),
            pytest.param(
                {
                    "time_limits": [
                        {
                            "kind": "triage",
                            "amount": 0,
                            "unit": "working_days",
                            "starts_from": "receipt",
                            "source": CITE,
                        }
                    ]
                },
                "time_limits[0].amount: Input should be greater than 0",
                id="a time limit of zero days is refused",
            ),
            pytest.param(
                {"pifu.window": {"amount": 2, "unit": "months"}},
                "pifu: Value error, follow-up that is not offered takes no other settings",
                id="follow-up not offered cannot carry a window",
            ),
            pytest.param(
                {"pifu": {"offered": True, "offered_to": "everyone_discharged", "source": CITE}},
                "pifu: Value error, give a window, or agreed_at_discharge with a max_window",
                id="follow-up offered needs a window",
            ),
            pytest.param(
                {"disciplines.codes": ["physio"]},
                "disciplines.codes[0]: Input should be",
                id="disciplines are codes, never display text",
            ),
            pytest.param(
                {"nickname": "IPOPS"},
                "nickname: Extra inputs are not permitted",
                id="an unknown field is refused rather than ignored",
            ),
        ],
    )
    def test_problem_names_file_field_and_expectation(self, content_folder, edits, expected):
        content_folder.write_service(edits)

        assert any(p.startswith(f"{FILE}: {expected}") for p in content_folder.problems()), (
            content_folder.problems()
        )


class TestTranslations:
    @pytest.mark.parametrize(
        ("edits", "expected"),
        [
            pytest.param(
                {"name": {"en": "Only English"}},
                "name: Value error, missing translation for pl, ro, bn, ur, ar",
                id="text in English only names every missing language",
            ),
            pytest.param(
                {"summary.ar": DELETE},
                "summary: Value error, missing translation for ar",
                id="one missing language is reported",
            ),
            pytest.param(
                {"summary.en": DELETE},
                "summary: Value error, missing translation for en",
                id="missing English is reported",
            ),
            pytest.param(
                {"name.fr": "Service"},
                "name.fr[key]: Input should be 'en', 'pl', 'ro', 'bn', 'ur' or 'ar'",
                id="a language the site does not offer is refused",
            ),
            pytest.param(
                {"name.ur": "   "},
                "name.ur: String should have at least 1 character",
                id="blank text does not count as a translation",
            ),
        ],
    )
    def test_every_text_needs_all_six_languages(self, content_folder, edits, expected):
        content_folder.write_service(edits)

        assert any(p.startswith(f"{FILE}: {expected}") for p in content_folder.problems())


class TestUnreadableFiles:
    def test_yaml_syntax_error_names_the_line(self, content_folder):
        content_folder.write("services/sample-service.yaml", "id: sample-service\nname: [en\n")

        (problem,) = content_folder.problems()
        assert problem.startswith(f"{FILE}: (whole file): not valid YAML: line 3")

    def test_a_key_written_twice_is_an_error_not_an_overwrite(self, content_folder):
        content_folder.write("services/sample-service.yaml", "id: a\nid: b\n")

        assert content_folder.problems() == [
            f"{FILE}: (whole file): not valid YAML: line 2: key 'id' is written twice"
        ]

    def test_an_empty_file_is_not_a_service(self, content_folder):
        content_folder.write("services/sample-service.yaml", "")

        assert content_folder.problems() == [
            f"{FILE}: (whole file): Input should be a valid dictionary or instance of Service"
            " (got None)"
        ]

    def test_yaml_1_1_sexagesimal_times_stay_times(self, content_folder):
        """Unquoted 18:30 would be the integer 1110 in YAML 1.1; here it is half past six."""
        content_folder.write_service()
        path = content_folder.root / "services/sample-service.yaml"
        path.write_text(
            path.read_text()
            + "\n".join(
                [
                    "",
                    "locations:",
                    "- id: clinic",
                    "  name: Clinic",
                    "  town: Town",
                    "  postcode: NG24 3HJ",
                    f"  source: '{CITE}'",
                    "  opening_hours:",
                    "  - {days: [mon], opens: 08:00, closes: 18:30}",
                    "",
                ]
            )
        )

        location = load_catalogue(content_folder.root).services["sample-service"].locations[0]
        assert location.opening_hours[0].closes.isoformat() == "18:30:00"


class TestMissingFiles:
    @pytest.mark.parametrize(
        "name",
        [
            pytest.param("conditions.yaml", id="conditions register"),
            pytest.param("sources.yaml", id="sources register"),
        ],
    )
    def test_a_missing_register_is_named(self, content_folder, name):
        (content_folder.root / name).unlink()

        assert f"content/{name}: (whole file): the file is missing" in content_folder.problems()

    def test_a_service_file_with_the_wrong_extension_is_not_silently_skipped(self, content_folder):
        content_folder.write("services/extra.yml", "id: extra\n")

        assert "content/services: extra.yml: service files must end in .yaml" in (
            content_folder.problems()
        )

    def test_no_service_files_is_a_problem(self, content_folder):
        (content_folder.root / "services/sample-service.yaml").unlink()

        assert content_folder.problems() == [
            "content/services: (whole file): no service files (*.yaml) found"
        ]


class TestLoadCatalogue:
    def test_raises_content_error_listing_every_problem_in_every_file(self, content_folder):
        content_folder.write_service({"queue.order": "alphabetical"})
        content_folder.write_service({"pifu.source": DELETE}, file_id="second")

        with pytest.raises(ContentError) as raised:
            load_catalogue(content_folder.root)

        files = {problem.file for problem in raised.value.problems}
        assert files == {FILE, "content/services/second.yaml"}
        assert "2 problem(s) in content" in str(raised.value)
