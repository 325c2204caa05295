# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from odoo.tests import new_test_user, tagged

from .common import AlertCase, create_customer, load_languages, make_result, sync_flags


@tagged("post_install", "-at_install")
class TestHealthCard(AlertCase):
    """The printable customer health card: flag, indicators, history and open actions."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.report = cls.env.ref("crm_traffic_light_report.action_report_health_card")
        sync_flags(cls.env, cls.company, {cls.customer: "red"})
        cls.env["crm.traffic.light.status"].create(
            {
                "partner_id": cls.customer.id,
                "company_id": cls.company.id,
                "flag": "red",
                "indicator_values": make_result("red", last_order="red", discount="green")[
                    "indicators"
                ],
            }
        )
        cls.customer.with_company(cls.company).traffic_light_date = date(2026, 4, 2)
        History = cls.env["crm.traffic.light.history"]
        for day, old, new in (
            (date(2026, 3, 1), "green", "orange"),
            (date(2026, 4, 2), "orange", "red"),
        ):
            History.create(
                {
                    "partner_id": cls.customer.id,
                    "company_id": cls.company.id,
                    "date": day,
                    "old_flag": old,
                    "new_flag": new,
                    "kind": "change",
                }
            )
        cls.customer.activity_schedule(
            "mail.mail_activity_data_call",
            summary="Call about the missing reorder",
            user_id=cls.salesperson.id,
            date_deadline=date.today() + timedelta(days=2),
        )

    def html(self, user=None):
        Report = self.env["ir.actions.report"]
        if user:
            Report = Report.with_user(user)
        return Report._render_qweb_html(self.report.report_name, self.customer.ids)[0].decode()

    def test_card_shows_flag_indicators_history_alerts_and_activities(self):
        html = self.html(self.salesperson)
        self.assertIn("Alert Customer", html)
        self.assertIn("Customer Health Card", html)
        self.assertIn("Days since the last order", html, "indicator name")
        self.assertIn("Share of turnover sold with a discount or promotion", html)
        self.assertIn("o_traffic_light_explanation", html, "the status' explanation table")
        self.assertIn("Red", html)
        history = html.split("o_tl_health_card_history")[1].split("</table>")[0]
        self.assertEqual(history.count("<tr>"), 3, "header and two changes")
        self.assertIn("Orange", history)
        alerts = html.split("o_tl_health_card_alerts")[1].split("</table>")[0]
        self.assertIn("Alert Customer", html)
        self.assertIn("New", alerts)
        activities = html.split("o_tl_health_card_activities")[1].split("</table>")[0]
        self.assertIn("Call about the missing reorder", activities)

    def test_card_of_unevaluated_customer(self):
        prospect = create_customer(self.env, "Prospect Without Orders", self.salesperson)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(self.report.report_name, prospect.ids)[0]
            .decode()
        )
        self.assertIn("Prospect Without Orders", html)
        self.assertIn("The customer has not been evaluated yet.", html)
        self.assertIn("No open alert.", html)

    def test_card_reads_in_the_readers_language_not_the_customers(self):
        """A Polish salesperson prints a German customer's card: all of it in Polish."""
        load_languages(self.env, "pl_PL", "de_DE")
        self.customer.lang = "de_DE"
        self.salesperson.lang = "pl_PL"
        Report = self.env["ir.actions.report"].with_user(self.salesperson)
        html = (
            Report.with_context(lang="pl_PL")
            ._render_qweb_html(self.report.report_name, self.customer.ids)[0]
            .decode()
        )
        for polish in ("Karta kondycji klienta", "Historia sygnalizatora", "Otwarte alerty"):
            self.assertIn(polish, html)
        self.assertNotIn("Traffic Light History", html)
        self.assertIn("Flaga czerwona", html, "the flag label, in the explanation too")

    def test_pdf_renders_for_real(self):
        pdf, report_format = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(self.report.report_name, self.customer.ids)
        )
        self.assertEqual(report_format, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        self.assertGreater(len(pdf), 1000)

    def test_card_is_in_the_customer_print_menu_for_salespeople_only(self):
        self.assertEqual(self.report.binding_model_id.model, "res.partner")
        self.assertEqual(self.report.binding_type, "report")
        bindings = (
            self.env["ir.actions.actions"].with_user(self.salesperson).get_bindings("res.partner")
        )
        self.assertIn(self.report.id, [action["id"] for action in bindings["report"]])
        employee = new_test_user(self.env, login="tl_card_employee", groups="base.group_user")
        self.assertNotIn(
            self.report.id,
            [
                action["id"]
                for action in self.env["ir.actions.actions"]
                .with_user(employee)
                .get_bindings("res.partner")
                .get("report", [])
            ],
        )
        # The QWeb renderer wraps the UserError raised by the card's data.
        with self.assertRaisesRegex(Exception, "Only salespeople can print"):
            self.html(employee)
