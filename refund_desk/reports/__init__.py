"""Monthly statistics tables, their lifecycle, reconciliation and analytics (no Qt)."""
