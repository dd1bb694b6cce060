"""Recipients a provider could deliver to; everything else stops before the provider."""

from __future__ import annotations

import pytest

from webapp.notify.recipients import InvalidRecipient, normalise_recipient


class TestEmail:
    def test_domain_is_normalised(self) -> None:
        assert normalise_recipient("email", "Person@Example.NHS.UK") == "Person@example.nhs.uk"

    @pytest.mark.parametrize(
        "address",
        [
            pytest.param("person.example.com", id="no at sign"),
            pytest.param("person@localhost", id="no dot in the domain"),
            pytest.param("person@@example.com", id="two at signs"),
            pytest.param("", id="empty"),
        ],
    )
    def test_invalid_addresses_are_refused_without_repeating_them(self, address: str) -> None:
        with pytest.raises(InvalidRecipient) as refused:
            normalise_recipient("email", address)
        assert address == "" or address not in str(refused.value)


class TestTextMessages:
    @pytest.mark.parametrize(
        "number",
        [
            pytest.param("07400 123456", id="national format with a space"),
            pytest.param("+44 7400 123456", id="international format"),
            pytest.param("0044 7400 123456", id="international with a 00 prefix"),
            pytest.param("(07400) 123-456", id="punctuation people type"),
        ],
    )
    def test_uk_mobiles_become_e164(self, number: str) -> None:
        assert normalise_recipient("sms", number) == "+447400123456"

    def test_crown_dependency_mobiles_are_accepted(self) -> None:
        assert normalise_recipient("sms", "07781 123456") == "+447781123456"

    @pytest.mark.parametrize(
        ("number", "reason"),
        [
            pytest.param("not a number", "not a phone number", id="words"),
            pytest.param("07700 900123", "not a valid phone number", id="drama range is unused"),
            pytest.param("0740012345", "not a valid phone number", id="a digit short"),
            pytest.param("+1 202 555 0100", "not a UK phone number", id="a US number"),
            pytest.param("020 7946 0000", "not a mobile number", id="a London landline"),
        ],
    )
    def test_numbers_that_cannot_take_a_text_are_refused(self, number: str, reason: str) -> None:
        with pytest.raises(InvalidRecipient, match=f"^{reason}$"):
            normalise_recipient("sms", number)


class TestLetters:
    def test_an_address_reference_passes_through(self) -> None:
        assert normalise_recipient("letter", "gp-practice:Z99001") == "gp-practice:Z99001"

    def test_a_blank_reference_is_refused(self) -> None:
        with pytest.raises(InvalidRecipient, match="no address reference"):
            normalise_recipient("letter", "  ")
