# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.crm_traffic_light_core.tests.common import create_customer, create_salesperson
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestConditionMoneyAtRisk(TransactionCase):
    """The churn prediction's money at risk is a column of the customer condition report."""

    def test_condition_report_shows_money_at_risk(self):
        company = self.env.company
        salesperson = create_salesperson(self.env, "money_at_risk_sales")
        red = create_customer(self.env, "Red With Money At Risk", salesperson)
        green = create_customer(self.env, "Green Without", salesperson)
        for partner, flag in ((red, "red"), (green, "green")):
            self.env["crm.traffic.light.status"].create(
                {"partner_id": partner.id, "company_id": company.id, "flag": flag}
            )
        self.env["crm.traffic.light.churn.model"]._store_money_at_risk(company, {red.id: 1234.5})
        Report = self.env["crm.traffic.light.condition.report"].with_user(salesperson)
        rows = Report.search([("partner_id", "in", (red | green).ids)])
        self.assertEqual(
            {row.partner_id: row.money_at_risk for row in rows}, {red: 1234.5, green: 0.0}
        )
        total = Report.read_group(
            [("partner_id", "in", (red | green).ids)], ["money_at_risk:sum"], []
        )
        self.assertEqual(total[0]["money_at_risk"], 1234.5)
