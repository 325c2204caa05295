# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime, timedelta

from odoo import fields
from odoo.tests import TransactionCase, new_test_user


def create_salesperson(env, login, name=None, groups="sales_team.group_sale_salesman"):
    """A salesperson as the sales app creates one: internal user with the Sales / User group."""
    return new_test_user(env, login=login, name=name or login.title(), groups=groups)


def create_sales_manager(env, login, name=None):
    """A sales manager: internal user with the Sales / Administrator group."""
    return create_salesperson(env, login, name, groups="sales_team.group_sale_manager")


def create_customer(env, name, salesperson=None, flag=None, company=None):
    """A company customer with the given traffic light in ``company`` (default: current)."""
    partner = env["res.partner"].create(
        {
            "name": name,
            "is_company": True,
            "customer_rank": 1,
            "user_id": salesperson.id if salesperson else False,
        }
    )
    if flag:
        partner.with_company(company or env.company).traffic_light = flag
    return partner


def make_result(flag, **indicators):
    """One partner's entry of ``crm.traffic.light.engine.evaluate()``: ``indicators`` maps a
    code to its level, or to a dict of indicator data (value, baseline, orange, red, level)."""
    data = {}
    for code, level in indicators.items():
        if isinstance(level, dict):
            data[code] = {"mode": "absolute", **level}
        else:
            data[code] = {
                "value": {"green": 10.0, "orange": 100.0, "red": 200.0}[level],
                "baseline": None,
                "orange": 90.0,
                "red": 180.0,
                "mode": "absolute",
                "level": level,
            }
    return {"flag": flag, "indicators": data}


def create_team(env, name, leader, members, company=None):
    """A sales team led by ``leader`` with ``members`` (their main team)."""
    return env["crm.team"].create(
        {
            "name": name,
            "user_id": leader.id,
            "company_id": (company or env.company).id,
            "crm_team_member_ids": [(0, 0, {"user_id": user.id}) for user in members],
        }
    )


def create_product(env, name="Traffic Light Service"):
    return env["product.product"].create(
        {"name": name, "type": "service", "list_price": 100.0, "taxes_id": [(6, 0, [])]}
    )


def set_dates(env, records, field, value):
    """Set a date/datetime column directly (histories in the past without side effects)."""
    env.flush_all()
    env.cr.execute(
        f'UPDATE "{records._table}" SET "{field}" = %s WHERE id = ANY(%s)',
        (value, records.ids),
    )
    records.invalidate_recordset([field])


def ago(days):
    """Now minus ``days`` days: a datetime with the time of day of now."""
    return datetime.now() - timedelta(days=days)


def order_product(env):
    """The untaxed service every test order sells, created on first use."""
    Product = env["product.product"]
    return Product.search([("default_code", "=", "CTL-TEST-SERVICE")], limit=1) or Product.create(
        {
            "name": "Traffic Light Test Service",
            "default_code": "CTL-TEST-SERVICE",
            "type": "service",
            "list_price": 100.0,
            "taxes_id": [(6, 0, [])],
            "company_id": False,
        }
    )


def create_orders(
    env,
    partner,
    dates,
    amount=100.0,
    *,
    company=None,
    state="sale",
    discount=0.0,
    pricelist=None,
    product=None,
):
    """Sale orders of ``partner`` in ``company`` (default: current), one per date of ``dates``
    (a date or datetime, or a list of them), each with one untaxed line of ``amount``.

    The orders are created directly in ``state`` (default: confirmed), dated as given:
    confirming them through the workflow would stamp today's date on them.
    """
    company = company or env.company
    if not isinstance(dates, (list, tuple)):
        dates = [dates]
    line = {
        "product_id": (product or order_product(env)).id,
        "product_uom_qty": 1,
        "price_unit": amount,
        "discount": discount,
        "tax_id": [(6, 0, [])],
    }
    values = {"partner_id": partner.id, "company_id": company.id, "state": state}
    if pricelist:
        values["pricelist_id"] = pricelist.id
    return (
        env["sale.order"]
        .with_company(company)
        .create([dict(values, date_order=day, order_line=[(0, 0, line)]) for day in dates])
    )


def create_invoice(env, partner, days_ago, amount, due_days_ago=None, refund=False):
    """A posted customer invoice (or credit note) of ``amount`` dated ``days_ago`` days
    ago, due ``due_days_ago`` days ago (default: its date)."""
    move = env["account.move"].create(
        {
            "move_type": "out_refund" if refund else "out_invoice",
            "partner_id": partner.id,
            "invoice_date": date.today() - timedelta(days=days_ago),
            "invoice_line_ids": [
                (0, 0, {"name": "Service", "quantity": 1, "price_unit": amount, "tax_ids": []})
            ],
        }
    )
    move.action_post()
    due = date.today() - timedelta(days=days_ago if due_days_ago is None else due_days_ago)
    set_dates(env, move, "invoice_date_due", due)
    return move


def ensure_chart(env, company):
    """Invoices need a chart of accounts: load the generic one when the company has none."""
    if not env["account.journal"].search_count(
        [("company_id", "=", company.id), ("type", "=", "sale")], limit=1
    ):
        env["account.chart.template"].try_loading("generic_coa", company, install_demo=False)


class TrafficLightCase(TransactionCase):
    """Shared fixtures: a product, a salesperson, the engine, today's date."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.engine = cls.env["crm.traffic.light.engine"]
        cls.today = date.today()
        cls.company = cls.env.company
        cls.product = create_product(cls.env)
        cls.salesperson = create_salesperson(cls.env, "tl_engine_sales")
        ensure_chart(cls.env, cls.company)

    def evaluate(self, partner, company=None, as_of=None):
        results = self.engine.evaluate(company or self.company, [partner.id], as_of=as_of)
        return results.get(partner.id)

    def indicator(self, partner, code, company=None, as_of=None):
        return self.evaluate(partner, company, as_of)["indicators"][code]


def create_company(env, name):
    """A fresh company, so that segment shares are computed on the test's customers only."""
    return env["res.company"].create({"name": name})


def load_languages(env, *codes):
    """Activate the languages ``codes`` with the traffic light addons' translations loaded
    (only theirs: enough for their screens and much faster than every module's)."""
    for code in codes:
        env["res.lang"]._activate_lang(code)
    env["ir.module.module"].search(
        [("name", "=like", "crm_traffic_light%"), ("state", "=", "installed")]
    )._update_translations(list(codes), overwrite=True)


class PartnerMergeCase(TransactionCase):
    """Odoo's merge wizard (Contacts > Merge, and the duplicate finder's Merge button) on two
    customers of one salesperson; ``dst`` is kept."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company_b = cls.env["res.company"].create({"name": "Merge Company B"})
        cls.Status = cls.env["crm.traffic.light.status"]
        cls.salesperson = create_salesperson(cls.env, "merge_sales")
        cls.manager = create_salesperson(
            cls.env,
            "merge_manager",
            groups="sales_team.group_sale_manager,base.group_partner_manager",
        )
        cls.manager.write({"company_ids": [(4, cls.company_b.id)]})
        create_team(cls.env, "Merge Team", cls.manager, cls.salesperson)
        Partner = cls.env["res.partner"]
        # The wizard keeps the newest partner by default: ``dst`` is created last.
        cls.src = Partner.create(
            {"name": "Kowalski Sp. z o.o.", "is_company": True, "user_id": cls.salesperson.id}
        )
        cls.dst = Partner.create(
            {"name": "Kowalski sp. z o. o.", "is_company": True, "user_id": cls.salesperson.id}
        )

    def merge(self, src=None, dst=None):
        """Merge ``src`` into ``dst`` as a sales manager does it from the contacts list."""
        src, dst = src or self.src, dst or self.dst
        wizard = (
            self.env["base.partner.merge.automatic.wizard"]
            .with_user(self.manager)
            .with_context(active_model="res.partner", active_ids=[src.id, dst.id])
            .create({})
        )
        self.assertEqual(wizard.dst_partner_id, dst)
        wizard.action_merge()
        self.assertFalse(src.exists())
        self.env.invalidate_all()

    def status(self, partner, company, flag):
        return self.Status.create(
            {
                "partner_id": partner.id,
                "company_id": company.id,
                "flag": flag,
                "flag_date": fields.Date.today(),
            }
        )
