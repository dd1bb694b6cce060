"""Use cases: what the site does (submit a referral, book a slot, triage, discharge).

Each takes a SQLAlchemy session and plain values, never a request, and never reads the
clock (``now`` is passed in). None of them commits: the caller commits once, so everything
one use case writes is saved together or not at all.
"""
