# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io
from datetime import date, datetime, timedelta

import openpyxl

from odoo.tests import TransactionCase, tagged

from .common import (
    create_customer,
    create_sales_manager,
    create_salesperson,
    create_team,
    set_dates,
    sync_flags,
)

RAISED = datetime(2026, 1, 1, 8, 0)


@tagged("post_install", "-at_install")
class TestAnalytics(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company.traffic_light_save_days = 90
        cls.sales = create_salesperson(cls.env, "analytics_sales")
        cls.other_sales = create_salesperson(cls.env, "analytics_other_sales")
        cls.manager = create_sales_manager(cls.env, "analytics_manager")
        cls.other_manager = create_sales_manager(cls.env, "analytics_other_manager")
        cls.team = create_team(cls.env, "Analytics Team", cls.manager, cls.sales)
        cls.other_team = create_team(
            cls.env, "Analytics Other Team", cls.other_manager, cls.other_sales
        )
        cls.c1 = create_customer(cls.env, "Analytics Red Customer", cls.sales)
        cls.c2 = create_customer(cls.env, "Analytics Green Customer", cls.sales)
        cls.c3 = create_customer(cls.env, "Analytics Orange Customer", cls.other_sales)
        sync_flags(cls.env, cls.company, {cls.c1: "red", cls.c2: "orange", cls.c3: "orange"})
        Alert = cls.env["crm.traffic.light.alert"]
        cls.a1 = Alert.search([("partner_id", "=", cls.c1.id)])
        cls.a2 = Alert.search([("partner_id", "=", cls.c2.id)])
        cls.a3 = Alert.search([("partner_id", "=", cls.c3.id)])
        assert len(cls.a1) == len(cls.a2) == len(cls.a3) == 1
        alerts = cls.a1 | cls.a2 | cls.a3
        set_dates(cls.env, alerts, "date_raised", RAISED)
        set_dates(cls.env, alerts, "date_escalated", None)
        # a1: first action after 4 h, closed after 48 h, green again 19 days later: saved.
        set_dates(cls.env, cls.a1, "date_first_action", RAISED + timedelta(hours=4))
        set_dates(cls.env, cls.a1, "date_closed", RAISED + timedelta(hours=48))
        set_dates(cls.env, cls.a1, "state", "resolved")
        # a2: first action after 8 h, closed after 96 h, escalated, never green again.
        set_dates(cls.env, cls.a2, "date_first_action", RAISED + timedelta(hours=8))
        set_dates(cls.env, cls.a2, "date_closed", RAISED + timedelta(hours=96))
        set_dates(cls.env, cls.a2, "date_escalated", RAISED + timedelta(hours=72))
        set_dates(cls.env, cls.a2, "state", "resolved")
        # a3: still open, first action after 2 h, an overdue activity, green after 120 days.
        set_dates(cls.env, cls.a3, "date_first_action", RAISED + timedelta(hours=2))
        set_dates(cls.env, cls.a3, "date_closed", None)
        set_dates(cls.env, cls.a3, "state", "in_progress")
        cls.a3.activity_schedule(
            "mail.mail_activity_data_todo",
            date_deadline=date.today() - timedelta(days=3),
            user_id=cls.other_sales.id,
        )
        History = cls.env["crm.traffic.light.history"]
        for partner, day, flag in (
            (cls.c1, date(2026, 1, 20), "green"),
            (cls.c3, date(2026, 1, 1) + timedelta(days=120), "green"),
        ):
            History.create(
                {
                    "partner_id": partner.id,
                    "company_id": cls.company.id,
                    "date": day,
                    "kind": "change",
                    "old_flag": "orange",
                    "new_flag": flag,
                }
            )
        for partner, flag in ((cls.c1, "red"), (cls.c2, "green"), (cls.c3, "orange")):
            History.create(
                {
                    "partner_id": partner.id,
                    "company_id": cls.company.id,
                    "date": date(2026, 1, 31),
                    "kind": "snapshot",
                    "new_flag": flag,
                }
            )
        # Customer condition: the stored status of the three customers.
        Status = cls.env["crm.traffic.light.status"]
        Status.search([("partner_id", "in", (cls.c1 | cls.c2 | cls.c3).ids)]).unlink()

        def indicators(turnover, last_order_level, payment_level="green"):
            return {
                "turnover": {"value": turnover, "level": None, "mode": "absolute"},
                "last_order": {"value": 10.0, "level": last_order_level, "mode": "absolute"},
                "payment": {"value": 1.0, "level": payment_level, "mode": "absolute"},
            }

        for partner, flag, values in (
            (cls.c1, "red", indicators(1000.0, "orange", "red")),
            (cls.c2, "green", indicators(500.0, "green")),
            (cls.c3, "orange", indicators(300.0, "orange")),
        ):
            partner.with_company(cls.company).traffic_light = flag
            Status.create(
                {
                    "partner_id": partner.id,
                    "company_id": cls.company.id,
                    "flag": flag,
                    "indicator_values": values,
                }
            )
        Segment = cls.env["crm.traffic.light.segment"]
        Segment.search([("partner_id", "in", (cls.c1 | cls.c2 | cls.c3).ids)]).unlink()
        for partner, abc, rfm in ((cls.c1, "A", "at_risk"), (cls.c2, "B", "champions")):
            Segment.create(
                {
                    "partner_id": partner.id,
                    "company_id": cls.company.id,
                    "abc_class": abc,
                    "rfm_segment": rfm,
                }
            )
        cls.env.flush_all()
        cls.env.invalidate_all()
        cls.AlertReport = cls.env["crm.traffic.light.alert.report"]
        cls.ConditionReport = cls.env["crm.traffic.light.condition.report"]
        cls.customers = cls.c1 | cls.c2 | cls.c3
        cls.alerts = alerts

    def alert_rows(self, user=None):
        Report = self.AlertReport.with_user(user) if user else self.AlertReport
        return Report.search([("alert_id", "in", self.alerts.ids)])

    def by_user(self, user=None, domain=None):
        Report = self.AlertReport.with_user(user) if user else self.AlertReport
        groups = Report.read_group(
            [("alert_id", "in", self.alerts.ids)] + (domain or []),
            [
                "alert_count:sum",
                "response_hours:avg",
                "handling_hours:avg",
                "overdue_count:sum",
                "escalated_count:sum",
                "saved_count:sum",
                "save_rate:avg",
            ],
            ["user_id"],
            lazy=False,
        )
        return {group["user_id"][0]: group for group in groups}

    def test_handling_time_per_salesperson(self):
        groups = self.by_user()
        mine = groups[self.sales.id]
        self.assertEqual(mine["alert_count"], 2)
        self.assertAlmostEqual(mine["response_hours"], 6.0)
        self.assertAlmostEqual(mine["handling_hours"], 72.0)
        self.assertEqual(mine["escalated_count"], 1)
        self.assertEqual(mine["overdue_count"], 0)
        self.assertEqual(mine["saved_count"], 1)
        self.assertAlmostEqual(mine["save_rate"], 50.0)
        other = groups[self.other_sales.id]
        self.assertEqual(other["alert_count"], 1)
        self.assertAlmostEqual(other["response_hours"], 2.0)
        self.assertFalse(other["handling_hours"], "an open alert has no time to close")
        self.assertEqual(other["overdue_count"], 1)
        self.assertEqual(other["save_rate"], 0.0)
        row = self.alert_rows().filtered(lambda r: r.alert_id == self.a1)
        self.assertEqual(row.team_id, self.team)
        self.assertEqual(row.flag, "red")

    def test_handling_time_filters_by_flag(self):
        groups = self.by_user(domain=[("flag", "=", "red")])
        self.assertEqual(list(groups), [self.sales.id])
        self.assertEqual(groups[self.sales.id]["alert_count"], 1)
        self.assertAlmostEqual(groups[self.sales.id]["handling_hours"], 48.0)

    def test_reports_filter_by_segment(self):
        groups = self.by_user(domain=[("abc_class", "=", "A")])
        self.assertEqual(list(groups), [self.sales.id])
        self.assertEqual(groups[self.sales.id]["alert_count"], 1)
        rows = self.alert_rows().filtered(lambda r: r.rfm_segment == "champions")
        self.assertEqual(rows.alert_id, self.a2)
        condition = self.ConditionReport.search(
            [("partner_id", "in", self.customers.ids), ("abc_class", "in", ("A", "B"))]
        )
        self.assertEqual(condition.partner_id, self.c1 | self.c2)
        self.assertEqual(
            condition.filtered(lambda r: r.partner_id == self.c1).rfm_segment, "at_risk"
        )

    def test_median_handling_time(self):
        medians = self.AlertReport.get_median_hours([("alert_id", "in", self.alerts.ids)])
        self.assertAlmostEqual(medians[self.sales.id]["handling"], 72.0)
        self.assertAlmostEqual(medians[self.sales.id]["response"], 6.0)
        self.assertEqual(medians[self.sales.id]["count"], 2)
        self.assertIsNone(medians[self.other_sales.id]["handling"])
        # Only the rows the user may read count.
        medians = self.AlertReport.with_user(self.other_sales).get_median_hours([])
        self.assertEqual(list(medians), [self.other_sales.id])

    def test_save_period_is_a_company_setting(self):
        self.assertEqual(self.by_user()[self.other_sales.id]["saved_count"], 0)
        self.company.traffic_light_save_days = 150
        self.env.flush_all()
        self.assertEqual(self.by_user()[self.other_sales.id]["saved_count"], 1)
        self.company.traffic_light_save_days = 10
        self.env.flush_all()
        self.assertEqual(self.by_user()[self.sales.id]["saved_count"], 0)

    def test_handling_report_visibility(self):
        self.assertEqual(self.alert_rows(self.sales).alert_id, self.a1 | self.a2)
        self.assertEqual(self.alert_rows(self.other_sales).alert_id, self.a3)
        self.assertEqual(self.alert_rows(self.manager).alert_id, self.a1 | self.a2)
        self.assertEqual(self.alert_rows(self.other_manager).alert_id, self.a3)

    def test_customer_condition_counts_and_risk(self):
        Report = self.ConditionReport
        groups = Report.read_group(
            [("partner_id", "in", self.customers.ids)],
            ["customer_count:sum", "turnover_at_risk:sum"],
            ["flag"],
            lazy=False,
        )
        counts = {group["flag"]: group["customer_count"] for group in groups}
        self.assertEqual(counts, {"green": 1, "orange": 1, "red": 1})
        per_user = Report.read_group(
            [("partner_id", "in", self.customers.ids)],
            ["customer_count:sum", "turnover_at_risk:sum"],
            ["user_id"],
            lazy=False,
        )
        risk = {group["user_id"][0]: group["turnover_at_risk"] for group in per_user}
        self.assertEqual(risk, {self.sales.id: 1000.0, self.other_sales.id: 300.0})
        top = Report.search([("partner_id", "in", self.customers.ids)])
        self.assertEqual(top.partner_id[:2], self.c1 | self.c3, "largest risk first")
        self.assertEqual(top[0].turnover, 1000.0)
        self.assertEqual(top.filtered(lambda r: r.partner_id == self.c2).turnover_at_risk, 0)

    def test_customer_condition_visibility(self):
        def visible(user):
            return (
                self.ConditionReport.with_user(user)
                .search([("partner_id", "in", self.customers.ids)])
                .partner_id
            )

        self.assertEqual(visible(self.sales), self.c1 | self.c2)
        self.assertEqual(visible(self.other_sales), self.c3)
        self.assertEqual(visible(self.manager), self.c1 | self.c2)

    def test_flag_trend_from_snapshots(self):
        groups = self.env["crm.traffic.light.history"].read_group(
            [("kind", "=", "snapshot"), ("partner_id", "in", self.customers.ids)],
            ["partner_id:count"],
            ["date:month", "new_flag"],
            lazy=False,
        )
        self.assertEqual(len({group["date:month"] for group in groups}), 1)
        self.assertEqual(
            {group["new_flag"]: group["__count"] for group in groups},
            {"green": 1, "orange": 1, "red": 1},
        )

    def test_my_customers_health_kanban(self):
        partners = self.env["res.partner"].with_user(self.sales).browse(self.c1.ids)
        payment = self.env["crm.traffic.light.indicator.mixin"]._get_definitions()["payment"]
        self.assertEqual(partners.traffic_light_main_reason, payment["name"])
        self.assertFalse(self.c2.traffic_light_main_reason)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_traffic_light_report.action_my_customers_health"
        )
        self.assertIn("search_default_my_customers", action["context"])
        views = (
            self.env["res.partner"]
            .with_user(self.sales)
            .get_views([(action["views"][0][0], "kanban")])
        )
        arch = views["views"]["kanban"]["arch"]
        self.assertIn('default_group_by="traffic_light"', arch)
        self.assertIn("traffic_light_main_reason", arch)
        groups = (
            self.env["res.partner"]
            .with_user(self.sales)
            .with_company(self.company)
            .read_group(
                [("id", "in", self.customers.ids), ("user_id", "=", self.sales.id)],
                ["id:count"],
                ["traffic_light"],
            )
        )
        self.assertEqual(
            {group["traffic_light"]: group["traffic_light_count"] for group in groups},
            {"red": 1, "green": 1},
        )

    def test_xlsx_export(self):
        wizard = self.env["crm.traffic.light.report.export"].with_user(self.sales).create({})
        action = wizard.action_export()
        self.assertEqual(action["type"], "ir.actions.act_url")
        book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(wizard.file_data)))
        self.assertEqual(book.sheetnames, ["Handling Time", "Customer Condition", "Flag Trend"])
        handling = list(book["Handling Time"].iter_rows(values_only=True))
        self.assertEqual(handling[0][0], "Salesperson")
        rows = {row[0]: row for row in handling[1:]}
        self.assertEqual(set(rows), {self.sales.name}, "a salesperson exports own rows only")
        row = rows[self.sales.name]
        self.assertEqual(row[1], 2)
        self.assertAlmostEqual(row[3], 72.0)
        self.assertAlmostEqual(row[4], 72.0)
        self.assertEqual(row[6], 1)
        self.assertAlmostEqual(row[7], 50.0)
        condition = book["Customer Condition"]
        self.assertEqual(condition["A2"].value, self.c1.name)
        self.assertEqual(condition["E2"].value, "Red")
        self.assertEqual(condition["E2"].fill.fgColor.rgb, "FFFF9C9C")
        self.assertEqual(condition["G2"].value, 1000.0)
        self.assertEqual(condition.max_row, 3)
        trend = list(book["Flag Trend"].iter_rows(values_only=True))
        self.assertEqual(trend[0][1:], ("Green", "Orange", "Red"))
        self.assertEqual(trend[1][1:], (1, 0, 1))
