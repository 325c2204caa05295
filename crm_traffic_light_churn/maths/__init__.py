# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Plain Python maths of the churn prediction (numpy / scipy, no Odoo)."""
