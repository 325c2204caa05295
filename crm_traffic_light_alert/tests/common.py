# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Test helpers of the alerts, and crm_traffic_light_core's (tests/common.py) re-exported."""

from odoo.addons.crm_traffic_light_core.tests.common import (
    PartnerMergeCase,
    TrafficLightCase,
    ago,
    create_company,
    create_customer,
    create_invoice,
    create_orders,
    create_product,
    create_sales_manager,
    create_salesperson,
    create_team,
    ensure_chart,
    load_languages,
    make_result,
    order_product,
    set_dates,
)
from odoo.tests import TransactionCase

__all__ = [
    "AlertCase",
    "PartnerMergeCase",
    "TrafficLightCase",
    "ago",
    "create_company",
    "create_customer",
    "create_invoice",
    "create_orders",
    "create_product",
    "create_sales_manager",
    "create_salesperson",
    "create_team",
    "ensure_chart",
    "load_languages",
    "make_result",
    "order_product",
    "set_dates",
    "sync_flags",
]


def sync_flags(env, company, flags):
    """Store ``flags`` ({partner: flag}) on the partners as the engine would and hand the
    matching results to the alerts. Returns what ``_sync_from_results`` returns."""
    results = {}
    for partner, flag in flags.items():
        partner.with_company(company).traffic_light = flag
        level = flag if flag in ("orange", "red") else "green"
        results[partner.id] = make_result(flag, last_order=level)
    return env["crm.traffic.light.alert"]._sync_from_results(company, results)


class AlertCase(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.Alert = cls.env["crm.traffic.light.alert"]
        cls.salesperson = create_salesperson(cls.env, "alert_sales")
        cls.manager = create_sales_manager(cls.env, "alert_manager")
        cls.team = create_team(cls.env, "Alert Team", cls.manager, cls.salesperson)
        cls.customer = create_customer(cls.env, "Alert Customer", cls.salesperson)
        cls.reason = cls.env.ref("crm_traffic_light_alert.alert_reason_price")

    def open_alert(self, partner=None, company=None):
        return self.Alert.search(
            [
                ("partner_id", "=", (partner or self.customer).id),
                ("company_id", "=", (company or self.company).id),
                ("is_open", "=", True),
            ]
        )

    def activities(self, alerts, user=None):
        domain = [("res_model", "=", "crm.traffic.light.alert"), ("res_id", "in", alerts.ids)]
        if user:
            domain.append(("user_id", "=", user.id))
        return self.env["mail.activity"].search(domain)
