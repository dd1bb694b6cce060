"""Notifications outbox.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24

"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

CHANNELS = "channel IN ('email', 'sms', 'letter')"
STATUSES = "status IN ('queued', 'sending', 'sent', 'failed', 'permanently_failed')"


def upgrade():
    op.create_table(
        "outbox_message",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("channel", sa.String(length=10), nullable=False),
        sa.Column("template", sa.String(length=64), nullable=False),
        sa.Column("language", sa.String(length=10), nullable=False),
        sa.Column("recipient", sa.String(length=320), nullable=False),
        sa.Column("personalisation", sa.JSON(), nullable=False),
        sa.Column("idempotency_key", sa.String(length=128), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_error", sa.String(length=200), nullable=True),
        sa.Column("provider_reference", sa.String(length=128), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("record_type", sa.String(length=40), nullable=True),
        sa.Column("record_id", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox_message")),
        # Enqueueing the same thing twice meets this and becomes a no-op (ON CONFLICT).
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_outbox_message_idempotency_key")),
        sa.CheckConstraint(CHANNELS, name=op.f("ck_outbox_message_channel")),
        sa.CheckConstraint(STATUSES, name=op.f("ck_outbox_message_status")),
        sa.CheckConstraint("attempts >= 0", name=op.f("ck_outbox_message_attempts")),
        sa.CheckConstraint(
            "(record_type IS NULL) = (record_id IS NULL)", name=op.f("ck_outbox_message_subject")
        ),
    )
    op.create_index("ix_outbox_message_due", "outbox_message", ["status", "next_attempt_at", "id"])
    op.create_index("ix_outbox_message_record", "outbox_message", ["record_type", "record_id"])


def downgrade():
    op.drop_index("ix_outbox_message_record", table_name="outbox_message")
    op.drop_index("ix_outbox_message_due", table_name="outbox_message")
    op.drop_table("outbox_message")
