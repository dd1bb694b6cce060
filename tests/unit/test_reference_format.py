"""References: eight characters people can read out and type in again without confusion."""

from __future__ import annotations

import pytest

from webapp.services.referrals import (
    REFERENCE_ALPHABET,
    format_reference,
    new_reference,
    normalise_reference,
)


class TestAlphabet:
    @pytest.mark.parametrize("look_alike", list("0O1ILU"))
    def test_no_character_that_looks_like_another(self, look_alike: str) -> None:
        assert look_alike not in REFERENCE_ALPHABET

    def test_thirty_distinct_upper_case_characters(self) -> None:
        assert len(set(REFERENCE_ALPHABET)) == len(REFERENCE_ALPHABET) == 30
        assert REFERENCE_ALPHABET.upper() == REFERENCE_ALPHABET


class TestNewReference:
    def test_new_references_are_eight_characters_from_the_alphabet(self) -> None:
        for _ in range(200):
            reference = new_reference()
            assert len(reference) == 8
            assert set(reference) <= set(REFERENCE_ALPHABET)

    def test_new_references_differ(self) -> None:
        assert len({new_reference() for _ in range(200)}) == 200


class TestFormat:
    def test_shown_as_two_groups_of_four(self) -> None:
        assert format_reference("ABCD2345") == "ABCD 2345"

    @pytest.mark.parametrize(
        "reference",
        [
            pytest.param("ABCD 2345", id="already formatted"),
            pytest.param("abcd2345", id="lower case"),
            pytest.param("ABCD234", id="too short"),
            pytest.param("ABCD0345", id="a look-alike"),
        ],
    )
    def test_only_a_stored_reference_is_formatted(self, reference: str) -> None:
        with pytest.raises(ValueError, match="reference"):
            format_reference(reference)


class TestNormalise:
    @pytest.mark.parametrize(
        "typed",
        [
            pytest.param("ABCD2345", id="as stored"),
            pytest.param("ABCD 2345", id="as shown"),
            pytest.param("abcd 2345", id="lower case"),
            pytest.param("abcd-2345", id="with a hyphen"),
            pytest.param("  AB CD-23 45 ", id="spaces anywhere"),
            pytest.param("ABCD\u20132345", id="an en dash from a phone keyboard"),
            pytest.param("ABCD\u00a02345", id="a non-breaking space from a copied email"),
            pytest.param("ABCD2345\n", id="a trailing newline from a paste"),
        ],
    )
    def test_typed_forms_are_read_as_the_stored_reference(self, typed: str) -> None:
        assert normalise_reference(typed) == "ABCD2345"

    @pytest.mark.parametrize(
        "typed",
        [
            pytest.param("", id="empty"),
            pytest.param("ABCD234", id="seven characters"),
            pytest.param("ABCD23456", id="nine characters"),
            pytest.param("ABCD0345", id="a zero"),
            pytest.param("ABCDO345", id="a letter O"),
            pytest.param("ABCDI345", id="a letter I"),
            pytest.param("ABCD_2345", id="an underscore"),
        ],
    )
    def test_anything_else_is_not_a_reference(self, typed: str) -> None:
        assert normalise_reference(typed) is None

    def test_round_trip(self) -> None:
        reference = new_reference()
        assert normalise_reference(format_reference(reference)) == reference
