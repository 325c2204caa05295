# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, tagged

from .common import create_customer, create_sales_manager, create_salesperson, create_team


class ReasonCase(TransactionCase):
    """Hand-made alerts: Poland (2 x price, 1 x demand, 1 without reason), Germany
    (2 x quality), Russia (1 x demand) in 2026, France (1 x price) in 2020."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.Report = cls.env["crm.traffic.light.reason.report"]
        cls.sales_pl = create_salesperson(cls.env, "reason_sales_pl")
        cls.sales_other = create_salesperson(cls.env, "reason_sales_other")
        cls.manager_pl = create_sales_manager(cls.env, "reason_manager_pl")
        cls.manager_other = create_sales_manager(cls.env, "reason_manager_other")
        cls.team_pl = create_team(cls.env, "Reason Team PL", cls.manager_pl, cls.sales_pl)
        cls.team_other = create_team(
            cls.env, "Reason Team Other", cls.manager_other, cls.sales_other
        )
        cls.price = cls.env.ref("crm_traffic_light_alert.alert_reason_price")
        cls.demand = cls.env.ref("crm_traffic_light_alert.alert_reason_demand")
        cls.quality = cls.env.ref("crm_traffic_light_alert.alert_reason_quality")
        pl, de, ru, fr = (cls.env.ref(f"base.{code}") for code in ("pl", "de", "ru", "fr"))
        cls.mazowieckie = cls.env["res.country.state"].search([("country_id", "=", pl.id)], limit=1)

        def customer(name, salesperson, country, city, abc=None):
            partner = create_customer(cls.env, name, salesperson)
            partner.write(
                {
                    "country_id": country.id,
                    "city": city,
                    "state_id": cls.mazowieckie.id if country == pl else False,
                }
            )
            if abc:
                cls.env["crm.traffic.light.segment"].create(
                    {"partner_id": partner.id, "company_id": cls.company.id, "abc_class": abc}
                )
            return partner

        cls.warsaw = customer("Warsaw Shop", cls.sales_pl, pl, "Warszawa", "A")
        cls.krakow = customer("Krakow Shop", cls.sales_pl, pl, "Kraków", "B")
        cls.berlin = customer("Berlin Shop", cls.sales_other, de, "Berlin", "A")
        cls.moscow = customer("Moscow Shop", cls.sales_other, ru, "Moskva")
        cls.paris = customer("Paris Shop", cls.sales_other, fr, "Paris")
        raised = datetime(2026, 3, 10, 9, 0)
        cls.alerts = cls.env["crm.traffic.light.alert"]
        for partner, reason, state in (
            (cls.warsaw, cls.price, "resolved"),
            (cls.warsaw, cls.price, "resolved"),
            (cls.warsaw, None, "new"),
            (cls.krakow, cls.demand, "in_progress"),
            (cls.berlin, cls.quality, "resolved"),
            (cls.berlin, cls.quality, "auto_resolved"),
            (cls.moscow, cls.demand, "escalated"),
        ):
            cls.alerts |= cls.alerts.create(
                {
                    "partner_id": partner.id,
                    "company_id": cls.company.id,
                    "flag": "red" if partner == cls.berlin else "orange",
                    "user_id": partner.user_id.id,
                    "reason_id": reason and reason.id,
                    "note": "Talked to the customer.",
                    "state": state,
                    "date_raised": raised,
                }
            )
        cls.alerts |= cls.alerts.create(
            {
                "partner_id": cls.paris.id,
                "company_id": cls.company.id,
                "flag": "orange",
                "user_id": cls.sales_other.id,
                "reason_id": cls.price.id,
                "note": "Talked to the customer.",
                "state": "resolved",
                "date_raised": datetime(2020, 5, 1),
            }
        )
        cls.env.flush_all()

    def counts(self, groupby, user=None, domain=None):
        report = self.Report.with_user(user) if user else self.Report
        return {
            tuple(getattr(value, "id", value) for value in key[:-1]): key[-1]
            for key in report._read_group(
                [("reason_id", "!=", False)] + (domain or []), groupby, ["alert_count:sum"]
            )
        }


@tagged("post_install", "-at_install")
class TestReasonReport(ReasonCase):
    def test_reason_counts_by_region(self):
        pl, de, ru, fr = (self.env.ref(f"base.{c}") for c in ("pl", "de", "ru", "fr"))
        self.assertEqual(
            self.counts(["country_id", "reason_id"]),
            {
                (pl.id, self.price.id): 2,
                (pl.id, self.demand.id): 1,
                (de.id, self.quality.id): 2,
                (ru.id, self.demand.id): 1,
                (fr.id, self.price.id): 1,
            },
        )
        self.assertEqual(
            self.counts(["state_id", "reason_id"], domain=[("country_id", "=", pl.id)]),
            {(self.mazowieckie.id, self.price.id): 2, (self.mazowieckie.id, self.demand.id): 1},
        )
        self.assertEqual(
            self.counts(["city", "reason_id"], domain=[("country_id", "=", pl.id)]),
            {("Warszawa", self.price.id): 2, ("Kraków", self.demand.id): 1},
        )

    def test_reason_counts_by_segment_salesperson_team_and_state(self):
        self.assertEqual(
            self.counts(["abc_class", "reason_id"], domain=[("abc_class", "!=", False)]),
            {("A", self.price.id): 2, ("B", self.demand.id): 1, ("A", self.quality.id): 2},
        )
        self.assertEqual(
            self.counts(["user_id"]), {(self.sales_pl.id,): 3, (self.sales_other.id,): 4}
        )
        self.assertEqual(
            self.counts(["team_id"]), {(self.team_pl.id,): 3, (self.team_other.id,): 4}
        )
        self.assertEqual(
            self.counts(["is_closed"], domain=[("user_id", "=", self.sales_pl.id)]),
            {(True,): 2, (False,): 1},
        )

    def test_salesperson_sees_own_customers_only(self):
        rows = self.Report.with_user(self.sales_pl).search([])
        self.assertEqual(rows.partner_id, self.warsaw | self.krakow)
        self.assertEqual(len(rows), 4, "the alert without a reason is listed too")
        rows = self.Report.with_user(self.sales_other).search([])
        self.assertEqual(rows.partner_id, self.berlin | self.moscow | self.paris)

    def test_manager_sees_team(self):
        rows = self.Report.with_user(self.manager_pl).search([])
        self.assertEqual(rows.partner_id, self.warsaw | self.krakow)
        self.assertEqual(
            self.counts(["user_id"], user=self.manager_other), {(self.sales_other.id,): 4}
        )
        admin = create_salesperson(
            self.env, "reason_admin", groups="crm_traffic_light_core.group_traffic_light_admin"
        )
        self.assertEqual(len(self.Report.with_user(admin).search([])), 8)

    def test_other_company_alerts_never_leak(self):
        other_company = self.env["res.company"].create({"name": "Reason Other Company"})
        self.sales_pl.company_ids |= other_company
        alert = self.env["crm.traffic.light.alert"].create(
            {
                "partner_id": self.warsaw.id,
                "company_id": other_company.id,
                "flag": "orange",
                "user_id": self.sales_pl.id,
                "reason_id": self.quality.id,
                "state": "new",
            }
        )
        self.env.flush_all()
        Report = self.Report.with_user(self.sales_pl)
        current = Report.with_context(allowed_company_ids=[self.company.id])
        self.assertNotIn(alert.id, current.search([]).ids, "selected companies only")
        both = Report.with_context(allowed_company_ids=[self.company.id, other_company.id])
        self.assertIn(alert.id, both.search([]).ids)


@tagged("post_install", "-at_install")
class TestReasonMap(ReasonCase):
    def map_html(self, user=None, **values):
        Map = self.env["crm.traffic.light.reason.map"]
        if user:
            Map = Map.with_user(user)
        return str(Map.create(values).map_html)

    def test_map_draws_countries_sized_and_coloured_by_top_reason(self):
        html = self.map_html(date_from=date(2026, 1, 1), date_to=date(2026, 12, 31))
        self.assertIn("<svg", html)
        self.assertIn(f'data-country="PL" data-count="3" data-top-reason="{self.price.name}"', html)
        self.assertIn(
            f'data-country="DE" data-count="2" data-top-reason="{self.quality.name}"', html
        )
        self.assertIn(
            f'data-country="RU" data-count="1" data-top-reason="{self.demand.name}"', html
        )
        self.assertNotIn('data-country="FR"', html, "France's alert is outside the period")
        for reason in (self.price, self.demand, self.quality):
            self.assertIn(f'data-reason="{reason.name}"', html, "legend")
        # Bigger count, bigger circle.
        radius = {}
        for code in ("PL", "DE", "RU"):
            chunk = html.split(f'data-country="{code}"')[1]
            radius[code] = float(chunk.split(' r="')[1].split('"')[0])
        self.assertGreater(radius["PL"], radius["DE"])
        self.assertGreater(radius["DE"], radius["RU"])

    def test_map_period_flag_and_empty(self):
        html = self.map_html()
        self.assertIn('data-country="FR" data-count="1"', html)
        html = self.map_html(flag="red")
        self.assertIn('data-country="DE"', html)
        self.assertNotIn('data-country="PL"', html)
        html = self.map_html(date_from=date(2025, 1, 1), date_to=date(2025, 12, 31))
        self.assertNotIn("<svg", html)
        self.assertIn("No alert with a reason in this period.", html)
        with self.assertRaises(ValidationError):
            self.map_html(date_from=date(2026, 2, 1), date_to=date(2026, 1, 1))

    def test_salesperson_map_shows_own_customers_only(self):
        html = self.map_html(user=self.sales_pl)
        self.assertIn('data-country="PL" data-count="3"', html)
        for code in ("DE", "RU", "FR"):
            self.assertNotIn(f'data-country="{code}"', html)
