# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import (
    test_alert_engine,
    test_alert_lifecycle,
    test_alert_playbook_pending,
    test_alert_raise_set_based,
    test_alert_security,
    test_alert_tour,
    test_language_tour,
    test_partner_merge,
    test_sales_plan,
)
