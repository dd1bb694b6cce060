"""Drafts: found again only by their secret token, kept 30 days from the last save, purged."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
import sqlalchemy as sa
from flask import Flask

from tests.integration.referrals.conftest import (
    MONDAY,
    SessionFactory,
    count,
    counts,
    submission,
)
from webapp.content import Catalogue
from webapp.models.referral import ReferralDraft
from webapp.services import referrals
from webapp.services.referrals import (
    DRAFT_LIFETIME,
    load_draft,
    normalise_reference,
    purge_expired_drafts,
    save_answers,
    submit_referral,
)

NewDraft = Callable[..., tuple[ReferralDraft, str]]


class TestStartingADraft:
    def test_a_new_draft_is_found_again_by_its_token(
        self, session_factory: SessionFactory, new_draft: NewDraft
    ) -> None:
        started, token = new_draft("nwl-msk", source="carer", language="pl")
        with session_factory() as session:
            draft = load_draft(session, token, now=MONDAY)
            assert draft is not None and draft.id == started.id
            assert (draft.service_id, draft.source, draft.language) == ("nwl-msk", "carer", "pl")
            assert (draft.questionnaire_id, draft.questionnaire_version) == (
                "msk-self-referral",
                1,
            )
            assert draft.answers == {}
            assert draft.created_at == draft.updated_at == MONDAY
            assert draft.expires_at == MONDAY + timedelta(days=30)

    def test_only_a_hash_of_the_token_is_stored(
        self, session_factory: SessionFactory, new_draft: NewDraft
    ) -> None:
        _, token = new_draft()
        with session_factory() as session:
            rows = session.execute(sa.text("SELECT * FROM referral_draft")).mappings().all()
        assert len(rows) == 1
        assert rows[0]["token_hash"] == hashlib.sha256(token.encode()).hexdigest()
        assert all(token not in str(value) for value in rows[0].values())

    def test_tokens_are_long_and_unguessable(self, new_draft: NewDraft) -> None:
        tokens = {new_draft()[1] for _ in range(5)}
        assert len(tokens) == 5
        assert all(len(token) >= 43 for token in tokens)

    def test_each_draft_gets_its_own_valid_reference(self, new_draft: NewDraft) -> None:
        references = [new_draft()[0].reference for _ in range(20)]
        assert len(set(references)) == 20
        assert all(normalise_reference(reference) == reference for reference in references)

    def test_an_unknown_route_is_refused(self, new_draft: NewDraft) -> None:
        with pytest.raises(ValueError, match="professional"):
            new_draft(source="professional")


class TestReferenceClashes:
    @pytest.fixture
    def scripted(self, monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
        def script(*references: str) -> None:
            queue: Iterator[str] = iter(references)
            monkeypatch.setattr(referrals, "new_reference", lambda: next(queue))

        return script

    def test_a_reference_held_by_a_draft_is_never_given_again(
        self, new_draft: NewDraft, scripted: Callable[..., None]
    ) -> None:
        scripted("ABCD2345", "ABCD2345", "WXYZ6789")
        assert new_draft()[0].reference == "ABCD2345"
        assert new_draft()[0].reference == "WXYZ6789"

    def test_a_reference_held_by_a_referral_is_never_given_again(
        self,
        session_factory: SessionFactory,
        catalogue: Catalogue,
        new_draft: NewDraft,
        scripted: Callable[..., None],
    ) -> None:
        scripted("ABCD2345", "ABCD2345", "WXYZ6789")
        _, token = new_draft()
        with session_factory() as session, session.begin():
            draft = load_draft(session, token, now=MONDAY)
            assert draft is not None
            submit_referral(session, catalogue.services["nwl-msk"], draft, submission(), now=MONDAY)
        assert new_draft()[0].reference == "WXYZ6789"

    def test_endless_clashes_fail_loudly(
        self, new_draft: NewDraft, scripted: Callable[..., None]
    ) -> None:
        scripted(*["ABCD2345"] * 11)
        new_draft()
        with pytest.raises(referrals.ReferenceExhausted):
            new_draft()


class TestLoadingAndSaving:
    def test_an_unknown_token_opens_nothing(
        self, session_factory: SessionFactory, new_draft: NewDraft
    ) -> None:
        new_draft()
        with session_factory() as session:
            assert load_draft(session, "not-a-real-token", now=MONDAY) is None

    def test_a_draft_opens_until_30_days_after_it_was_started(
        self, session_factory: SessionFactory, new_draft: NewDraft
    ) -> None:
        _, token = new_draft()
        with session_factory() as session:
            just_before = MONDAY + DRAFT_LIFETIME - timedelta(seconds=1)
            assert load_draft(session, token, now=just_before) is not None
            assert load_draft(session, token, now=MONDAY + DRAFT_LIFETIME) is None

    def test_saving_replaces_the_answers_and_pushes_the_expiry_back(
        self, session_factory: SessionFactory, new_draft: NewDraft
    ) -> None:
        _, token = new_draft()
        later = MONDAY + timedelta(days=20)
        for answers in ({"body_sites": ["knee"], "age": 40}, {"body_sites": ["neck"]}):
            with session_factory() as session, session.begin():
                draft = load_draft(session, token, now=later)
                assert draft is not None
                save_answers(session, draft, answers, now=later)
        with session_factory() as session:
            draft = load_draft(session, token, now=later + timedelta(days=29))
            assert draft is not None
            assert draft.answers == {"body_sites": ["neck"]}
            assert draft.created_at == MONDAY
            assert draft.updated_at == later
            assert draft.expires_at == later + DRAFT_LIFETIME

    def test_answers_are_copied_not_shared_with_the_caller(
        self, session_factory: SessionFactory, new_draft: NewDraft
    ) -> None:
        _, token = new_draft()
        answers: dict[str, object] = {"body_sites": ["hip"]}
        with session_factory() as session, session.begin():
            draft = load_draft(session, token, now=MONDAY)
            assert draft is not None
            save_answers(session, draft, answers, now=MONDAY)
        answers["body_sites"] = ["knee"]
        with session_factory() as session:
            draft = load_draft(session, token, now=MONDAY)
            assert draft is not None and draft.answers == {"body_sites": ["hip"]}


class TestPurge:
    def test_only_expired_drafts_are_deleted(
        self, session_factory: SessionFactory, new_draft: NewDraft
    ) -> None:
        _, old = new_draft(now=MONDAY - timedelta(days=31))
        new_draft(now=MONDAY - DRAFT_LIFETIME)
        _, recent = new_draft(now=MONDAY - timedelta(days=29))
        with session_factory() as session, session.begin():
            assert purge_expired_drafts(session, now=MONDAY) == 2
        with session_factory() as session:
            assert count(session, ReferralDraft) == 1
            assert load_draft(session, recent, now=MONDAY) is not None
            assert load_draft(session, old, now=MONDAY - timedelta(days=31)) is None
        with session_factory() as session, session.begin():
            assert purge_expired_drafts(session, now=MONDAY) == 0

    def test_the_command_deletes_expired_drafts_and_says_how_many(
        self, app: Flask, session_factory: SessionFactory, new_draft: NewDraft
    ) -> None:
        # The command reads the real clock: these drafts expired long ago, or not at all.
        new_draft(now=MONDAY - timedelta(days=400))
        new_draft(now=MONDAY - timedelta(days=300))
        new_draft(now=MONDAY + timedelta(days=3650))
        result = app.test_cli_runner().invoke(args=["referrals", "purge-drafts"])
        assert result.exit_code == 0, result.output
        assert "Deleted 2 expired referral draft(s)." in result.output
        assert counts(session_factory)[3] == 1
