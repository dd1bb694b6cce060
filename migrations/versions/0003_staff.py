"""Staff accounts, service membership and one-time set-up links.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23

"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

ROLES = "role IN ('clinician', 'administrator', 'service_manager')"


def upgrade():
    op.create_table(
        "staff_user",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=True),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("totp_secret", sa.String(length=64), nullable=True),
        sa.Column("totp_enrolled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_totp_step", sa.Integer(), nullable=True),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_user")),
        sa.UniqueConstraint("email", name=op.f("uq_staff_user_email")),
        sa.CheckConstraint(ROLES, name=op.f("ck_staff_user_role")),
        sa.CheckConstraint("email = lower(email)", name=op.f("ck_staff_user_email_lower_case")),
        sa.CheckConstraint("failed_attempts >= 0", name=op.f("ck_staff_user_failed_attempts")),
    )
    op.create_table(
        "staff_service_membership",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_service_membership")),
        sa.ForeignKeyConstraint(
            ["staff_id"],
            ["staff_user.id"],
            name=op.f("fk_staff_service_membership_staff_id_staff_user"),
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint(
            "staff_id", "service_id", name=op.f("uq_staff_service_membership_staff_id")
        ),
    )
    op.create_table(
        "staff_setup_token",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_setup_token")),
        sa.ForeignKeyConstraint(
            ["staff_id"],
            ["staff_user.id"],
            name=op.f("fk_staff_setup_token_staff_id_staff_user"),
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint("token_hash", name=op.f("uq_staff_setup_token_token_hash")),
    )


def downgrade():
    op.drop_table("staff_setup_token")
    op.drop_table("staff_service_membership")
    op.drop_table("staff_user")
