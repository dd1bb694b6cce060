"""Self-referrals: drafts, referrals and the work queue.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25

"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

SOURCES = "source IN ('self', 'carer', 'gp_link', 'telephone', 'school')"
PRIORITIES = "priority IN ('routine', 'priority', 'urgent')"
REFERRAL_STATUSES = "status IN ('received', 'safety_net')"
DISPOSITIONS = (
    "screening_disposition IN ('EMERGENCY', 'URGENT_SAME_DAY', 'PRIORITY', 'ROUTINE')"
)
CONTACT_CHANNELS = "contact_channel IN ('email', 'sms', 'phone', 'none')"
KINDS = (
    "kind IN ('new_referral', 'gp_suggested_referral', 'red_flag_safety_net', 'pifu_request',"
    " 'appointment_change', 'dna_follow_up')"
)
WORK_ITEM_STATUSES = "status IN ('open', 'in_progress', 'done')"
REFERENCE_LENGTH = "length(reference) = 8"


def upgrade():
    op.create_table(
        "referral_draft",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("reference", sa.String(length=8), nullable=False),
        sa.Column("service_id", sa.String(length=64), nullable=False),
        sa.Column("questionnaire_id", sa.String(length=64), nullable=False),
        sa.Column("questionnaire_version", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("language", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referral_draft")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_referral_draft_token_hash")),
        sa.UniqueConstraint("reference", name=op.f("uq_referral_draft_reference")),
        sa.CheckConstraint(SOURCES, name=op.f("ck_referral_draft_source")),
        sa.CheckConstraint(
            "questionnaire_version >= 1", name=op.f("ck_referral_draft_questionnaire_version")
        ),
        sa.CheckConstraint(REFERENCE_LENGTH, name=op.f("ck_referral_draft_reference_length")),
    )
    op.create_index("ix_referral_draft_expires_at", "referral_draft", ["expires_at"])

    op.create_table(
        "referral",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=8), nullable=False),
        sa.Column("service_id", sa.String(length=64), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("suggested_by_gp", sa.Boolean(), nullable=False),
        sa.Column("questionnaire_id", sa.String(length=64), nullable=True),
        sa.Column("questionnaire_version", sa.Integer(), nullable=True),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("language", sa.String(length=10), nullable=False),
        sa.Column("screening_disposition", sa.String(length=20), nullable=False),
        sa.Column("screening_reasons", sa.JSON(), nullable=False),
        sa.Column("eligibility_flags", sa.JSON(), nullable=False),
        sa.Column("scores", sa.JSON(), nullable=False),
        sa.Column("priority", sa.String(length=10), nullable=False),
        sa.Column("patient_name", sa.String(length=200), nullable=False),
        sa.Column("date_of_birth", sa.Date(), nullable=True),
        sa.Column("practice_ods", sa.String(length=10), nullable=True),
        sa.Column("contact_channel", sa.String(length=10), nullable=False),
        sa.Column("contact_address", sa.String(length=320), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referral")),
        # One referral per reference, whatever the browser sends twice.
        sa.UniqueConstraint("reference", name=op.f("uq_referral_reference")),
        sa.CheckConstraint(SOURCES, name=op.f("ck_referral_source")),
        sa.CheckConstraint(REFERRAL_STATUSES, name=op.f("ck_referral_status")),
        sa.CheckConstraint(PRIORITIES, name=op.f("ck_referral_priority")),
        sa.CheckConstraint(DISPOSITIONS, name=op.f("ck_referral_screening_disposition")),
        sa.CheckConstraint(CONTACT_CHANNELS, name=op.f("ck_referral_contact_channel")),
        sa.CheckConstraint(
            "(contact_channel = 'none') = (contact_address IS NULL)",
            name=op.f("ck_referral_contact_address"),
        ),
        sa.CheckConstraint(
            "status = 'safety_net' OR (questionnaire_id IS NOT NULL"
            " AND questionnaire_version IS NOT NULL AND date_of_birth IS NOT NULL)",
            name=op.f("ck_referral_complete_when_received"),
        ),
        sa.CheckConstraint(REFERENCE_LENGTH, name=op.f("ck_referral_reference_length")),
    )
    op.create_index("ix_referral_service_received", "referral", ["service_id", "received_at"])

    op.create_table(
        "work_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("referral_id", sa.Integer(), nullable=True),
        sa.Column("priority", sa.String(length=10), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("claimed_by_id", sa.Integer(), nullable=True),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_work_item")),
        sa.ForeignKeyConstraint(
            ["referral_id"], ["referral.id"], name=op.f("fk_work_item_referral_id_referral")
        ),
        sa.ForeignKeyConstraint(
            ["claimed_by_id"],
            ["staff_user.id"],
            name=op.f("fk_work_item_claimed_by_id_staff_user"),
            ondelete="SET NULL",
        ),
        sa.UniqueConstraint("referral_id", "kind", name=op.f("uq_work_item_referral_id_kind")),
        sa.CheckConstraint(KINDS, name=op.f("ck_work_item_kind")),
        sa.CheckConstraint(PRIORITIES, name=op.f("ck_work_item_priority")),
        sa.CheckConstraint(WORK_ITEM_STATUSES, name=op.f("ck_work_item_status")),
    )
    op.create_index(
        "ix_work_item_queue_by_due", "work_item", ["service_id", "status", "priority", "due_date"]
    )
    op.create_index(
        "ix_work_item_queue_by_received", "work_item", ["service_id", "status", "received_at"]
    )


def downgrade():
    op.drop_index("ix_work_item_queue_by_received", table_name="work_item")
    op.drop_index("ix_work_item_queue_by_due", table_name="work_item")
    op.drop_table("work_item")
    op.drop_index("ix_referral_service_received", table_name="referral")
    op.drop_table("referral")
    op.drop_index("ix_referral_draft_expires_at", table_name="referral_draft")
    op.drop_table("referral_draft")
