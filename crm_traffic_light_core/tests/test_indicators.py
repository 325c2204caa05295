# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from odoo.tests import tagged

from .common import TrafficLightCase, ago, create_customer, create_invoice, create_orders, set_dates


@tagged("post_install", "-at_install")
class TestIndicators(TrafficLightCase):
    """Each indicator's value on small hand-made histories."""

    def test_turnover_from_invoices_net_of_credit_notes(self):
        customer = create_customer(self.env, "Turnover Invoices")
        create_orders(self.env, customer, ago(10), 999.0)
        contact = self.env["res.partner"].create({"name": "Buyer", "parent_id": customer.id})
        create_invoice(self.env, customer, 30, 100.0)
        create_invoice(self.env, contact, 200, 200.0)
        create_invoice(self.env, customer, 20, 50.0, refund=True)
        create_invoice(self.env, customer, 400, 1000.0)  # outside the 365-day window
        self.assertEqual(self.indicator(customer, "turnover")["value"], 250.0)
        self.company.traffic_light_turnover_source = "order"
        self.assertEqual(self.indicator(customer, "turnover")["value"], 999.0)
        self.company.traffic_light_window_days = 5
        self.assertEqual(self.indicator(customer, "turnover")["value"], 0.0)

    def test_last_order_against_usual_interval(self):
        customer = create_customer(self.env, "Regular Buyer")
        for days in (100, 70, 40, 10):
            create_orders(self.env, customer, ago(days), 100.0)
        entry = self.indicator(customer, "last_order")
        self.assertEqual(entry["value"], 10.0)
        self.assertEqual(entry["baseline"], 30.0)
        self.assertEqual(entry["mode"], "relative")
        self.assertEqual(entry["level"], "green")
        # 45 days = exactly 1.5 x the usual interval: still green (strictly more is orange)
        as_of = self.today + timedelta(days=35)
        self.assertEqual(self.indicator(customer, "last_order", as_of=as_of)["level"], "green")
        as_of = self.today + timedelta(days=36)
        self.assertEqual(self.indicator(customer, "last_order", as_of=as_of)["level"], "orange")
        as_of = self.today + timedelta(days=65)
        self.assertEqual(self.indicator(customer, "last_order", as_of=as_of)["level"], "orange")
        as_of = self.today + timedelta(days=66)
        self.assertEqual(self.indicator(customer, "last_order", as_of=as_of)["level"], "red")

    def test_last_order_without_usual_interval_uses_absolute_days(self):
        customer = create_customer(self.env, "Occasional Buyer")
        create_orders(self.env, customer, ago(50), 100.0)
        create_orders(self.env, customer, ago(90), 100.0)
        entry = self.indicator(customer, "last_order")
        self.assertIsNone(entry["baseline"], "two orders give no usual interval")
        self.assertEqual(
            (entry["value"], entry["mode"], entry["level"]), (50.0, "absolute", "green")
        )
        for days, level in ((90, "green"), (91, "orange"), (180, "orange"), (181, "red")):
            as_of = self.today + timedelta(days=days - 50)
            self.assertEqual(
                self.indicator(customer, "last_order", as_of=as_of)["level"], level, days
            )

    def test_discount_share(self):
        customer = create_customer(self.env, "Bargain Hunter")
        create_orders(self.env, customer, ago(10), 100.0)
        create_orders(self.env, customer, ago(20), 100.0, discount=10.0)
        entry = self.indicator(customer, "discount")
        self.assertAlmostEqual(entry["value"], 90.0 / 190.0 * 100, places=1)
        self.assertEqual(entry["level"], "green")
        promo = self.env["product.pricelist"].create(
            {"name": "Summer Sale", "traffic_light_promotional": True}
        )
        create_orders(self.env, customer, ago(30), 300.0, pricelist=promo)
        entry = self.indicator(customer, "discount")
        self.assertAlmostEqual(entry["value"], 390.0 / 490.0 * 100, places=1)
        self.assertEqual(entry["level"], "orange")
        # outside the window: not counted
        create_orders(self.env, customer, ago(400), 5000.0)
        self.assertAlmostEqual(
            self.indicator(customer, "discount")["value"], 390.0 / 490.0 * 100, places=1
        )

    def test_discount_share_boundaries(self):
        customer = create_customer(self.env, "Half Discount")
        plain = create_orders(self.env, customer, ago(10), 100.0)
        discounted = create_orders(self.env, customer, ago(11), 100.0, discount=10.0)

        def share(plain_amount, discounted_amount):
            for order, amount in ((plain, plain_amount), (discounted, discounted_amount)):
                self.env.cr.execute(
                    "UPDATE sale_order_line SET price_subtotal = %s WHERE order_id = %s",
                    (amount, order.id),
                )
            return self.indicator(customer, "discount")

        for plain_amount, discounted_amount, value, level in (
            (101.0, 99.0, 49.5, "green"),
            (100.0, 100.0, 50.0, "orange"),
            (20.5, 79.5, 79.5, "orange"),
            (20.0, 80.0, 80.0, "red"),
        ):
            entry = share(plain_amount, discounted_amount)
            self.assertEqual((entry["value"], entry["level"]), (value, level))

    def _done_activity(self, record, activity_type, days_ago):
        activity = self.env["mail.activity"].create(
            {
                "res_model_id": self.env["ir.model"]._get_id(record._name),
                "res_id": record.id,
                "activity_type_id": activity_type.id,
                "user_id": self.env.uid,
            }
        )
        message = activity._action_done(feedback="Done")[0]
        set_dates(self.env, message, "date", datetime.now() - timedelta(days=days_ago))
        return message

    def test_last_contact_ignores_negative_contacts(self):
        customer = create_customer(self.env, "Contacted Customer")
        contact = self.env["res.partner"].create({"name": "Anna", "parent_id": customer.id})
        order = create_orders(self.env, customer, ago(200), 100.0)
        self.assertIsNone(self.indicator(customer, "contact")["value"])
        call = self.env.ref("mail.mail_activity_data_call")
        self._done_activity(contact, call, 70)
        self.assertEqual(self.indicator(customer, "contact")["value"], 70.0)
        self.assertEqual(self.indicator(customer, "contact")["level"], "orange")
        # negative contacts never count, whatever their date
        debt = self.env.ref("crm_traffic_light_core.mail_activity_type_debt_collection")
        self._done_activity(customer, debt, 1)
        problem = self.env.ref("crm_traffic_light_core.mail_activity_type_payment_problem")
        self._done_activity(order, problem, 1)
        self.assertEqual(self.indicator(customer, "contact")["value"], 70.0)
        # a type that does not count as commercial contact
        todo = self.env.ref("mail.mail_activity_data_todo")
        self._done_activity(customer, todo, 2)
        self.assertEqual(self.indicator(customer, "contact")["value"], 70.0)
        # a done call on the order counts
        self._done_activity(order, call, 40)
        self.assertEqual(self.indicator(customer, "contact")["value"], 40.0)
        # a call on a lead of the customer
        lead = self.env["crm.lead"].create({"name": "Upsell", "partner_id": contact.id})
        self._done_activity(lead, call, 30)
        self.assertEqual(self.indicator(customer, "contact")["value"], 30.0)
        # a past meeting in the calendar with a contact as attendee
        start = datetime.now() - timedelta(days=3)
        self.env["calendar.event"].create(
            {
                "name": "Visit",
                "start": start,
                "stop": start + timedelta(hours=1),
                "partner_ids": [(6, 0, [contact.id])],
            }
        )
        self.assertEqual(self.indicator(customer, "contact")["value"], 3.0)
        self.assertEqual(self.indicator(customer, "contact")["level"], "green")

    def test_payments_overdue(self):
        customer = create_customer(self.env, "Late Payer")
        create_orders(self.env, customer, ago(100), 100.0)
        entry = self.indicator(customer, "payment")
        self.assertEqual((entry["value"], entry["level"]), (0.0, "green"))
        create_invoice(self.env, customer, 30, 100.0, due_days_ago=15)
        entry = self.indicator(customer, "payment")
        self.assertEqual((entry["value"], entry["level"]), (15.0, "green"))
        create_invoice(self.env, customer, 60, 200.0, due_days_ago=16)
        entry = self.indicator(customer, "payment")
        self.assertEqual((entry["value"], entry["level"]), (16.0, "orange"))
        self.assertEqual(entry["overdue_amount"], 300.0)
        create_invoice(self.env, customer, 90, 50.0, due_days_ago=46)
        self.assertEqual(self.indicator(customer, "payment")["level"], "red")

    def test_payments_average_delay(self):
        customer = create_customer(self.env, "Paid Late")
        create_orders(self.env, customer, ago(100), 100.0)
        invoice = create_invoice(self.env, customer, 60, 100.0, due_days_ago=50)
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({"payment_date": self.today - timedelta(days=40)})._create_payments()
        self.assertIn(invoice.payment_state, ("paid", "in_payment"))
        entry = self.indicator(customer, "payment")
        self.assertEqual(entry["value"], 0.0)
        self.assertEqual(entry["payment_delay"], 10.0)

    def test_sales_trend(self):
        customer = create_customer(self.env, "Declining Customer")
        create_orders(self.env, customer, ago(10), 100.0)
        self.assertIsNone(self.indicator(customer, "trend")["value"], "no previous turnover")
        create_invoice(self.env, customer, 400, 1000.0)
        create_invoice(self.env, customer, 100, 800.0)
        entry = self.indicator(customer, "trend")
        self.assertEqual((entry["value"], entry["level"]), (20.0, "orange"))
        self.assertEqual((entry["baseline"], entry["current"]), (1000.0, 800.0))
        create_invoice(self.env, customer, 50, 10.0)
        entry = self.indicator(customer, "trend")
        self.assertEqual((entry["value"], entry["level"]), (19.0, "green"))
        create_invoice(self.env, customer, 50, 420.0, refund=True)
        entry = self.indicator(customer, "trend")
        self.assertEqual((entry["value"], entry["level"]), (61.0, "red"))
