# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta
from unittest.mock import patch

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import (
    TrafficLightCase,
    ago,
    create_customer,
    create_invoice,
    create_orders,
    create_sales_manager,
    create_salesperson,
)


@tagged("post_install", "-at_install")
class TestEngine(TrafficLightCase):
    """Norms, flags, storage, history, runs, access."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Norm = cls.env["crm.traffic.light.norm"]
        cls.Norm._ensure_default_norms(cls.company)
        # A customer that is red only because of an overdue invoice.
        cls.red = create_customer(cls.env, "Engine Red", cls.salesperson)
        create_orders(cls.env, cls.red, ago(5), 100.0)
        create_invoice(cls.env, cls.red, 80, 100.0, due_days_ago=60)
        # A green customer.
        cls.green = create_customer(cls.env, "Engine Green", cls.salesperson)
        create_orders(cls.env, cls.green, ago(5), 100.0)
        # A prospect: a quotation only, never confirmed.
        cls.prospect = create_customer(cls.env, "Engine Prospect")
        cls.env["sale.order"].create(
            {"partner_id": cls.prospect.id, "order_line": [(0, 0, {"product_id": cls.product.id})]}
        )
        cls.customers = cls.red | cls.green | cls.prospect

    def norm(self, code, category=None):
        return self.Norm.search(
            [
                ("company_id", "=", self.company.id),
                ("indicator_code", "=", code),
                ("category_id", "=", category.id if category else False),
            ]
        )

    def run_full(self, as_of=None):
        return self.engine._full_run(self.company, as_of=as_of)

    def history(self, partner, kind="change"):
        return self.env["crm.traffic.light.history"].search(
            [("partner_id", "=", partner.id), ("kind", "=", kind)]
        )

    # ------------------------------------------------------------------
    # Flags
    # ------------------------------------------------------------------
    def test_flag_is_worst_level_and_prospect_not_evaluated(self):
        results = self.engine.evaluate(self.company, self.customers.ids)
        self.assertEqual(results[self.red.id]["flag"], "red")
        self.assertEqual(results[self.red.id]["indicators"]["payment"]["level"], "red")
        self.assertEqual(results[self.green.id]["flag"], "green")
        self.assertNotIn(self.prospect.id, results)
        # every indicator of the registry (other addons add theirs: sales plan, P(alive),
        # helpdesk complaints; their own tests check them)
        self.assertLessEqual(
            {"turnover", "last_order", "discount", "contact", "payment", "trend"},
            set(results[self.green.id]["indicators"]),
        )
        self.assertEqual(
            set(results[self.green.id]["indicators"]),
            set(self.env["crm.traffic.light.indicator.mixin"]._get_definitions()),
        )
        self.run_full()
        self.assertEqual(self.red.traffic_light, "red")
        self.assertEqual(self.red.traffic_light_date, self.today)
        self.assertEqual(self.green.traffic_light, "green")
        self.assertFalse(self.prospect.traffic_light)

    def test_weighted_mode(self):
        self.company.traffic_light_score_mode = "weighted"
        # rated: last order (green), discount (green), payment (red): 2 / 3 -> orange
        # (indicators added by other addons, e.g. helpdesk complaints, count as well)
        result = self.evaluate(self.red)
        rated = {code: e["level"] for code, e in result["indicators"].items() if e["level"]}
        self.assertEqual(
            {code: rated.get(code) for code in ("last_order", "discount", "payment")},
            {"last_order": "green", "discount": "green", "payment": "red"},
        )
        self.assertFalse({"turnover", "contact", "trend"} & set(rated))
        rank = {"green": 0, "orange": 1, "red": 2}
        expected = round(sum(rank[level] for level in rated.values()) / len(rated), 4)
        self.assertEqual(result["flag"], "orange")
        self.assertEqual(result["score"], expected)
        if len(rated) == 3:
            self.assertEqual(result["score"], 0.6667)
        self.norm("payment").weight = 10.0
        self.assertEqual(self.evaluate(self.red)["flag"], "red")

    def test_archived_default_norm_switches_indicator_off(self):
        self.norm("payment").active = False
        entry = self.indicator(self.red, "payment")
        self.assertEqual(entry["value"], 60.0)
        self.assertIsNone(entry["level"])
        self.assertEqual(self.evaluate(self.red)["flag"], "green")

    def test_relative_norm(self):
        contact_norm = self.norm("contact")
        contact_norm.write({"mode": "relative", "orange": 1.5, "red": 2.5})
        entry = self.indicator(self.red, "contact")
        self.assertIsNone(entry["level"], "a relative norm without baseline nor fallback")
        contact_norm.write({"fallback_orange": 10, "fallback_red": 20})
        entry = self.indicator(self.red, "contact")
        self.assertEqual((entry["mode"], entry["orange"], entry["level"]), ("absolute", 10, None))
        # a relative norm on the payment indicator has no baseline: fallback applies
        self.norm("payment").write(
            {
                "mode": "relative",
                "orange": 1.0,
                "red": 2.0,
                "fallback_orange": 59,
                "fallback_red": 60,
            }
        )
        entry = self.indicator(self.red, "payment")
        self.assertEqual((entry["mode"], entry["level"]), ("absolute", "orange"))

    def test_segment_override(self):
        key_account = self.env["res.partner.category"].create({"name": "Key Account"})
        self.Norm.create(
            {"indicator_code": "payment", "category_id": key_account.id, "orange": 90, "red": 120}
        )
        self.assertEqual(self.indicator(self.red, "payment")["level"], "red")
        self.red.category_id = key_account
        entry = self.indicator(self.red, "payment")
        self.assertEqual((entry["orange"], entry["red"], entry["level"]), (90, 120, "green"))
        # the default still applies to the others
        self.assertEqual(self.indicator(self.green, "payment")["red"], 45)

    def test_bad_norms_refused(self):
        with self.assertRaisesRegex(ValidationError, "orange threshold"):
            self.Norm.create(
                {
                    "indicator_code": "contact",
                    "category_id": False,
                    "orange": 130,
                    "red": 120,
                    "company_id": self.company.id,
                    "active": False,
                }
            )
        with self.assertRaisesRegex(ValidationError, "negative"):
            self.norm("payment").orange = -1
        with self.assertRaisesRegex(ValidationError, "already an active norm"):
            self.Norm.create({"indicator_code": "payment", "orange": 1, "red": 2})
        with self.assertRaisesRegex(ValidationError, "lower values are worse"):
            self.Norm.create({"indicator_code": "turnover", "orange": 100, "red": 500})
        with self.assertRaisesRegex(ValidationError, "positive"):
            self.company.traffic_light_window_days = -5
        with self.assertRaisesRegex(ValidationError, "positive"):
            self.company.traffic_light_batch_size = 0

    # ------------------------------------------------------------------
    # Storage, history, chatter, idempotency
    # ------------------------------------------------------------------
    def test_history_chatter_and_idempotent_rerun(self):
        self.run_full()
        first = self.history(self.red)
        self.assertEqual((first.old_flag, first.new_flag), (False, "red"))
        self.assertEqual(len(self.history(self.red, "snapshot")), 1)
        note = "changed from"
        self.assertFalse(self.red.message_ids.filtered(lambda m: note in (m.body or "")))
        status = self.env["crm.traffic.light.status"].search([("partner_id", "=", self.red.id)])
        write_date = status.write_date
        messages = self.env["mail.message"].search_count([])
        # second run: nothing changes
        self.run_full()
        self.assertEqual(len(self.history(self.red)), 1)
        self.assertEqual(len(self.history(self.red, "snapshot")), 1)
        self.assertEqual(self.env["mail.message"].search_count([]), messages)
        status.invalidate_recordset()
        self.assertEqual(status.write_date, write_date)
        # the customer pays: green, a history row and a chatter note
        self.env.cr.execute(
            "UPDATE account_move SET payment_state = 'paid', amount_residual_signed = 0"
            " WHERE commercial_partner_id = %s",
            (self.red.id,),
        )
        self.run_full()
        self.assertEqual(self.red.traffic_light, "green")
        change = self.history(self.red)[0]
        self.assertEqual((change.old_flag, change.new_flag), ("red", "green"))
        notes = self.red.message_ids.filtered(lambda m: note in (m.body or ""))
        self.assertEqual(len(notes), 1)
        self.assertIn("Red", notes.body)

    def test_customer_no_longer_evaluated_is_cleared(self):
        self.run_full()
        self.assertEqual(self.green.traffic_light, "green")
        self.green.sale_order_ids.with_context(disable_cancel_warning=True).action_cancel()
        self.run_full()
        self.assertFalse(self.green.traffic_light)
        self.assertFalse(
            self.env["crm.traffic.light.status"].search([("partner_id", "=", self.green.id)])
        )

    def test_run_interrupted_after_one_batch_then_completed(self):
        self.company.traffic_light_batch_size = 1
        original = type(self.engine)._compute_and_store
        calls = []

        def crash_on_second_batch(engine, company, partner_ids, *args, **kwargs):
            calls.append(list(partner_ids))
            if len(calls) == 2:
                raise RuntimeError("server killed")
            return original(engine, company, partner_ids, *args, **kwargs)

        with patch.object(type(self.engine), "_compute_and_store", crash_on_second_batch):
            crashed = False
            try:
                self.run_full()
            except RuntimeError:
                crashed = True
        self.assertTrue(crashed)
        first, second = calls
        self.assertTrue(self.company.traffic_light_run_active)
        self.assertEqual(self.company.traffic_light_run_cursor, first[0])
        done = self.env["res.partner"].browse(first)
        self.assertTrue(done.traffic_light)
        self.assertFalse(self.env["res.partner"].browse(second).traffic_light)
        # the next run finishes the job, starting after the cursor
        calls.clear()
        with patch.object(type(self.engine), "_compute_and_store", crash_on_second_batch):
            self.company.traffic_light_batch_size = 100
            self.run_full()
        self.assertNotIn(first[0], calls[0])
        self.assertIn(second[0], calls[0])
        self.assertFalse(self.company.traffic_light_run_active)
        self.assertEqual(self.company.traffic_light_last_full_run, self.today)
        self.assertEqual(self.red.traffic_light, "red")
        self.assertEqual(self.green.traffic_light, "green")

    def test_full_run_sees_the_customers_of_its_transaction(self):
        # a customer and its order written just before the run (not flushed yet)
        newcomer = create_customer(self.env, "Same Transaction Newcomer", self.salesperson)
        create_orders(self.env, newcomer, ago(400), 100.0)
        self.run_full()
        self.assertEqual(newcomer.traffic_light, "red")

    def test_incremental_run_picks_changed_customers(self):
        self.run_full()
        self.company.traffic_light_last_incremental = self.env.cr.now() - timedelta(hours=1)
        changed = self.engine._changed_partner_ids(
            self.company, self.company.traffic_light_last_incremental
        )
        self.assertIn(self.red.id, changed)
        late = create_customer(self.env, "Late Newcomer")
        create_orders(self.env, late, ago(1), 100.0)
        self.assertFalse(late.traffic_light)
        self.engine._incremental_run(self.company)
        self.assertEqual(late.traffic_light, "green")
        self.assertTrue(self.company.traffic_light_last_incremental)

    def test_cron_records_exist(self):
        full = self.env.ref("crm_traffic_light_core.ir_cron_traffic_light_full")
        incremental = self.env.ref("crm_traffic_light_core.ir_cron_traffic_light_incremental")
        self.assertEqual(full.model_id.model, "crm.traffic.light.engine")
        self.assertEqual((incremental.interval_number, incremental.interval_type), (15, "minutes"))
        # The cron entry point commits its batches (a crash loses at most one batch): the
        # test transaction must stay open, so the commits are only counted here.
        with patch.object(self.env.cr, "commit") as commit:
            full.method_direct_trigger()
        self.assertTrue(commit.called)
        self.assertEqual(self.red.traffic_light, "red")

    # ------------------------------------------------------------------
    # Multi-company
    # ------------------------------------------------------------------
    def test_multi_company_separation(self):
        company_b = self.env["res.company"].create({"name": "Traffic Light B"})
        self.assertTrue(self.Norm.search([("company_id", "=", company_b.id)]))
        only_b = create_customer(self.env, "Only In B")
        create_orders(self.env, only_b, ago(100), 100.0, company=company_b)
        both = self.red
        create_orders(self.env, both, ago(5), 100.0, company=company_b)
        self.engine._full_run(self.company | company_b)
        self.assertFalse(only_b.with_company(self.company).traffic_light)
        self.assertEqual(only_b.with_company(company_b).traffic_light, "orange")
        # company B knows nothing of company A's overdue invoice
        self.assertEqual(both.with_company(self.company).traffic_light, "red")
        self.assertEqual(both.with_company(company_b).traffic_light, "green")
        status_b = self.env["crm.traffic.light.status"].search(
            [("partner_id", "=", both.id), ("company_id", "=", company_b.id)]
        )
        self.assertEqual(status_b.indicator_values["turnover"]["value"], 0.0)
        # a user of company A only does not see company B's statuses
        user_a = create_salesperson(
            self.env, "tl_company_a", groups="crm_traffic_light_core.group_traffic_light_admin"
        )
        statuses = self.env["crm.traffic.light.status"].with_user(user_a).search([])
        self.assertEqual(statuses.company_id, self.company)

    # ------------------------------------------------------------------
    # Access, button, explanation
    # ------------------------------------------------------------------
    def test_salesperson_and_manager_access(self):
        other = create_salesperson(self.env, "tl_other_sales")
        other_customer = create_customer(self.env, "Other's Customer", other)
        create_orders(self.env, other_customer, ago(5), 100.0)
        team = self.env["crm.team"].create(
            {"name": "Team TL", "member_ids": [(6, 0, [self.salesperson.id])]}
        )
        manager = create_sales_manager(self.env, "tl_manager")
        team.member_ids |= manager
        self.run_full()
        Status = self.env["crm.traffic.light.status"]
        own = Status.with_user(self.salesperson).search([])
        self.assertEqual(own.partner_id, self.red | self.green)
        team_view = Status.with_user(manager).search([])
        self.assertIn(self.red, team_view.partner_id)
        self.assertNotIn(other_customer, team_view.partner_id)
        admin_view = Status.search([])
        self.assertIn(other_customer, admin_view.partner_id)
        # norms: readable by salespeople, editable only by administrators
        payment_norm = self.norm("payment")
        self.assertEqual(payment_norm.with_user(self.salesperson).red, 45)
        with self.assertRaises(AccessError):
            payment_norm.with_user(manager).red = 50
        # the Recompute button works for a salesperson on their customer
        late = create_customer(self.env, "Recompute Me", self.salesperson)
        create_orders(self.env, late, ago(3), 100.0)
        late.with_user(self.salesperson).action_traffic_light_recompute()
        self.assertEqual(late.traffic_light, "green")
        self.assertIn(
            "Days overdue", self.red.with_user(self.salesperson).traffic_light_explanation
        )

    def test_explanation(self):
        self.run_full()
        contact = self.env["res.partner"].create({"name": "Buyer", "parent_id": self.red.id})
        for partner in (self.red, contact):
            html = str(partner.traffic_light_explanation)
            names = ("Days overdue of the most overdue invoice", "Days since the last order")
            self.assertIn(names[0], html)
            self.assertIn("60 days", html)
            self.assertIn("orange &gt; 15 days, red &gt; 45 days", html)
            # red first
            self.assertLess(html.index(names[0]), html.index(names[1]))
        self.assertFalse(self.prospect.traffic_light_explanation)

    def test_settings_and_norms_action(self):
        settings = self.env["res.config.settings"].create(
            {"traffic_light_window_days": 200, "traffic_light_turnover_source": "order"}
        )
        settings.execute()
        self.assertEqual(self.company.traffic_light_window_days, 200)
        self.assertEqual(self.company.traffic_light_turnover_source, "order")
        self.norm("payment").unlink()
        action = settings.action_open_traffic_light_norms()
        self.assertEqual(action["res_model"], "crm.traffic.light.norm")
        self.assertEqual(self.norm("payment").red, 45, "missing defaults are recreated")
        with self.assertRaisesRegex(ValidationError, "positive"):
            self.env["res.config.settings"].create({"traffic_light_window_days": -1}).execute()

    def test_list_action_recomputes_selected_customers(self):
        action = self.env.ref("crm_traffic_light_core.action_server_traffic_light_recompute")
        action.with_context(
            active_model="res.partner", active_ids=(self.red | self.green).ids
        ).run()
        self.assertEqual(self.red.traffic_light, "red")
        self.assertEqual(self.green.traffic_light, "green")
