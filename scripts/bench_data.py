# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark data generator: N customers with realistic sales histories, in set-based SQL.

Used by scripts/bench.py (``make bench``). A few reference records (salespeople, teams,
products, price lists) are created with the ORM; the bulk (customers, contacts, confirmed
sale orders and lines, posted invoices with product / tax / receivable lines, payments
reconciled with the invoices, done activities, calendar meetings, helpdesk tickets when
helpdesk_mgmt is installed) is inserted with INSERT ... SELECT over generate_series, filling
the columns the ORM fills, so that Odoo reads the rows like its own.

Customer profiles (drawn once per customer, reproducible with ``setseed``):
  regular 62%  orders at its own rhythm (every 35-220 days) up to now;
  lapsing 15%  its last order is 1.6-3x its usual interval ago;
  sleeping 8%  its last order is 200-700 days ago;
  declining 12% orders on rhythm but quantities fall by 60% in the last 365 days;
  prospect 3%  no order at all (not evaluated).
Each customer has a size (quantities) and a few preferred products. Independently: promo
hunters (8%: discounts 20-35% on half of the lines, promotional price list for half of the
orders), late payers (8%: pay 25-115 days after the invoice date, so recent invoices are open
and overdue), customers contacted every ~2 months (70%), less often (15%), rarely (15%).
"""

import logging
import time

from odoo import fields

_logger = logging.getLogger("bench")

MARK = "crm_traffic_light.bench_customers"
# One phone per customer (+32 4 and 8 digits), except 1% planted duplicates: customer n with
# n % 100 = 50 has the phone of customer n - 1 (similar name too): 1,000 duplicate pairs.
PHONE_PREFIX = "+32 4"
PHONE_SQL = (
    "%(prefix)s || lpad((CASE WHEN {n} %% 100 = 50 THEN {n} - 1 ELSE {n} END)::text, 8, '0')"
)
N_SALESPEOPLE = 8


def _ids(env, xmlids):
    return [env.ref(x).id for x in xmlids]


def refresh(env):
    """Re-apply what depends on addons installed after the generation (a reused database
    whose addons were updated): the promotional flag of the promotions price list, and the
    negative activity types of the debt-collection messages. Cheap, idempotent."""
    Pricelist = env["product.pricelist"]
    if "traffic_light_promotional" in Pricelist._fields:
        Pricelist.search([("name", "=", "Bench Promotions")]).traffic_light_promotional = True
    negative = env.ref(
        "crm_traffic_light_core.mail_activity_type_debt_collection", raise_if_not_found=False
    )
    if negative:
        env.cr.execute(
            """
            UPDATE mail_message SET mail_activity_type_id = %s
             WHERE model = 'res.partner' AND message_id LIKE '<bench-activity-%%'
               AND body = '<p>Reminder of overdue invoices done</p>'
               AND mail_activity_type_id <> %s
            """,
            [negative.id, negative.id],
        )
    # Phones used to repeat every 10,000 customers ('+32 2 555 ' || n % 10000): each phone
    # was shared by 10 customers with similar names, i.e. 450,000 false duplicate pairs.
    phone = PHONE_SQL.format(n="substring(name from 16)::int")
    env.cr.execute(
        f"""
        UPDATE res_partner
           SET phone = {phone}
         WHERE name LIKE 'Bench Customer %%' AND parent_id IS NULL
           AND phone IS DISTINCT FROM {phone}
        """,
        {"prefix": PHONE_PREFIX},
    )
    env.flush_all()


def existing_size(env):
    """Number of customers of the generated data set, 0 if none."""
    return int(env["ir.config_parameter"].sudo().get_param(MARK, "0"))


def setup_reference_data(env):
    """Salespeople, teams, products, price lists: few records, through the ORM."""
    company = env.company
    sale_user = env.ref("sales_team.group_sale_salesman")
    sale_manager = env.ref("sales_team.group_sale_manager")
    Users = env["res.users"].with_context(no_reset_password=True, mail_create_nolog=True)

    def create_users(name, login, group, numbers):
        return Users.create(
            [
                {
                    "name": f"{name} {i}",
                    "login": f"{login}_{i}",
                    "email": f"{login}_{i}@example.com",
                    "groups_id": [(6, 0, [group.id])],
                }
                for i in numbers
            ]
        )

    managers = create_users("Bench Sales Manager", "bench_manager", sale_manager, (1, 2))
    salespeople = create_users(
        "Bench Salesperson", "bench_sales", sale_user, range(1, N_SALESPEOPLE + 1)
    )
    teams = env["crm.team"].create(
        [
            {
                "name": name,
                "user_id": manager.id,
                "member_ids": [(6, 0, members.ids)],
                "company_id": company.id,
            }
            for name, manager, members in (
                ("Bench Team North", managers[0], salespeople[: N_SALESPEOPLE // 2]),
                ("Bench Team South", managers[1], salespeople[N_SALESPEOPLE // 2 :]),
            )
        ]
    )
    tax = env["account.tax"].search(
        [("type_tax_use", "=", "sale"), ("company_id", "=", company.id)], limit=1
    )
    products = env["product.product"].create(
        [
            {
                "name": f"Bench Product {i:02d}",
                "type": "consu",
                "list_price": price,
                "taxes_id": [(6, 0, tax.ids)],
            }
            for i, price in enumerate(
                [12, 18, 25, 30, 45, 60, 75, 90, 120, 150, 180, 240, 300, 420, 550, 700],
                start=1,
            )
        ]
    )
    Pricelist = env["product.pricelist"]
    promo_vals = {"name": "Bench Promotions", "company_id": company.id}
    promo_field = next(
        (
            name
            for name, field in Pricelist._fields.items()
            if field.type == "boolean" and "promo" in name and not field.compute
        ),
        None,
    )
    if promo_field:
        promo_vals[promo_field] = True
    pricelists = Pricelist.create(
        [{"name": "Bench Standard", "company_id": company.id}, promo_vals]
    )
    return {
        "company": company,
        "salespeople": salespeople,
        "teams": teams,
        "team_of_user": {
            u.id: (teams[0] if i < N_SALESPEOPLE // 2 else teams[1]).id
            for i, u in enumerate(salespeople)
        },
        "tax": tax,
        "products": products,
        "pricelists": pricelists,
        "promo_field": promo_field,
    }


# Tables loaded in bulk: their secondary indexes are dropped during the load and rebuilt
# after it (a sorted build is several times faster than row-by-row maintenance). Partial
# indexes stay: they are cheap to maintain and each rebuild would scan the whole table.
BULK_TABLES = [
    "res_partner",
    "sale_order",
    "sale_order_line",
    "account_move",
    "account_move_line",
    "account_partial_reconcile",
    "account_full_reconcile",
    "mail_message",
]


def _drop_indexes(cr, tables):
    cr.execute(
        """
        SELECT i.indexname, i.indexdef
          FROM pg_indexes i
         WHERE i.schemaname = current_schema() AND i.tablename = ANY(%s)
           AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
           AND i.indexdef NOT LIKE '%% WHERE %%'
        """,
        [tables],
    )
    definitions = cr.fetchall()
    for name, _definition in definitions:
        cr.execute(f'DROP INDEX "{name}"')
    return definitions


def _create_indexes(cr, definitions):
    start = time.monotonic()
    cr.execute("SET LOCAL maintenance_work_mem = '256MB'")
    for _name, definition in definitions:
        cr.execute(definition)
    _logger.info(
        "%-42s %8d       %6.1f s", "indexes rebuilt", len(definitions), time.monotonic() - start
    )


def _step(env, label, query, params=None):
    start = time.monotonic()
    env.cr.execute(query, params or {})
    _logger.info("%-42s %8d rows %6.1f s", label, env.cr.rowcount, time.monotonic() - start)


def generate(env, n_customers, seed=0.42):
    """Generate the data set; returns the dict of row counts."""
    start = time.monotonic()
    ref = setup_reference_data(env)
    company = ref["company"]
    journal_sale = env["account.journal"].search(
        [("type", "=", "sale"), ("company_id", "=", company.id)], limit=1
    )
    journal_bank = env["account.journal"].search(
        [("type", "=", "bank"), ("company_id", "=", company.id)], limit=1
    )
    receivable = env["account.account"].search(
        [("account_type", "=", "asset_receivable"), ("company_ids", "in", company.id)],
        order="code",
        limit=1,
    )
    income = journal_sale.default_account_id
    tax = ref["tax"]
    tax_rep = tax.invoice_repartition_line_ids.filtered(lambda r: r.repartition_type == "tax")
    outstanding = (
        journal_bank.inbound_payment_method_line_ids[:1].payment_account_id
        or env["account.account"].search(
            [("name", "=", "Outstanding Receipts"), ("company_ids", "in", company.id)], limit=1
        )
        or journal_bank.default_account_id
    )
    term_30 = env.ref("account.account_payment_term_30days")
    activity_types = _ids(
        env,
        [
            "mail.mail_activity_data_call",
            "mail.mail_activity_data_meeting",
            "mail.mail_activity_data_email",
        ],
    )
    negative_types = [
        rec.id
        for rec in (
            env.ref(x, raise_if_not_found=False)
            for x in (
                "crm_traffic_light_core.mail_activity_type_debt_collection",
                "crm_traffic_light_core.mail_activity_type_payment_problem",
            )
        )
        if rec
    ] or activity_types[:1]
    salespeople = ref["salespeople"]
    params = {
        "n": n_customers,
        "seed": seed,
        "company": company.id,
        "prefix": PHONE_PREFIX,
        "currency": company.currency_id.id,
        "users": salespeople.ids,
        "user_partners": salespeople.mapped("partner_id").ids,
        "teams": [ref["team_of_user"][u] for u in salespeople.ids],
        "n_users": len(salespeople),
        "products": ref["products"].ids,
        "product_names": ref["products"].mapped("name"),
        "prices": ref["products"].mapped("lst_price"),
        "uom": ref["products"][0].uom_id.id,
        "n_products": len(ref["products"]),
        "pl_standard": ref["pricelists"][0].id,
        "pl_promo": ref["pricelists"][1].id,
        "tax": tax.id,
        "tax_rate": tax.amount / 100.0,
        "tax_name": tax.name,
        "tax_group": tax.tax_group_id.id,
        "tax_rep": tax_rep[:1].id,
        "tax_account": tax_rep[:1].account_id.id,
        "journal_sale": journal_sale.id,
        "journal_bank": journal_bank.id,
        "sale_prefix": journal_sale.code,
        "bank_prefix": "P" + journal_bank.code,
        "receivable": receivable.id,
        "income": income.id,
        "outstanding": outstanding.id,
        "term": term_30.id,
        "activity_types": activity_types,
        "negative_types": negative_types,
        "subtype_activities": env.ref("mail.mt_activities").id,
        "now": fields.Datetime.now(),
        "today": fields.Date.context_today(env["res.partner"]),
    }
    cr = env.cr
    try:
        # Bulk load: the rows are consistent by construction, skip the per-row foreign key
        # triggers for this transaction (needs a superuser; otherwise only slower).
        with cr.savepoint(flush=False):
            cr.execute("SET LOCAL session_replication_role = replica")
    except Exception:  # noqa: BLE001
        _logger.warning("not a superuser: foreign keys are checked row by row (slower)")
    indexes = _drop_indexes(cr, BULK_TABLES)
    cr.execute("SELECT setseed(%(seed)s)", params)
    _step(
        env,
        "customers (drawn profiles)",
        """
        CREATE TEMP TABLE bc ON COMMIT DROP AS
        SELECT s.*,
               GREATEST(1, LEAST(16, floor((s.since - s.lastgap) / s.ival)::int + 1))
                   AS n_orders
          FROM (
            SELECT g AS n,
                   nextval('res_partner_id_seq') AS id,
                   CASE WHEN random() < 0.5 THEN nextval('res_partner_id_seq') END
                       AS contact_id,
                   1 + g %% %(n_users)s AS ui,
                   p.profile,
                   p.ival,
                   CASE p.profile
                        WHEN 'regular' THEN random() * p.ival * 1.2
                        WHEN 'declining' THEN random() * p.ival
                        WHEN 'lapsing' THEN p.ival * (1.6 + random() * 1.4)
                        ELSE 200 + random() * 500 END AS lastgap,
                   200 + random() * 850 AS since,
                   random() < 0.08 AS promo,
                   random() < 0.08 AS late,
                   CASE WHEN random() < 0.15 THEN 400 WHEN random() < 0.18 THEN 110
                        ELSE 55 END AS contact_span,
                   0.5 + random() * 1.5 AS size,
                   floor(random() * %(n_products)s)::int AS pbase
              FROM generate_series(1, %(n)s) g,
                   LATERAL (
                     SELECT CASE WHEN u < 0.03 THEN 'prospect'
                                 WHEN u < 0.65 THEN 'regular'
                                 WHEN u < 0.80 THEN 'lapsing'
                                 WHEN u < 0.88 THEN 'sleeping'
                                 ELSE 'declining' END AS profile,
                            35 + power(random(), 1.5) * 185 AS ival
                       FROM (SELECT random() + g * 0 AS u) r
                   ) p
          ) s
        """,
        params,
    )
    cr.execute("ALTER TABLE bc ADD PRIMARY KEY (id); ANALYZE bc")
    _step(
        env,
        "res_partner (customers)",
        """
        INSERT INTO res_partner (
            id, name, complete_name, commercial_company_name, commercial_partner_id,
            is_company, type, active, lang, tz, email, email_normalized, phone, street, zip,
            city, country_id, user_id, customer_rank, supplier_rank, partner_share,
            employee, color, message_bounce, invoice_warn, sale_warn, autopost_bills,
            property_payment_term_id, specific_property_product_pricelist,
            calendar_last_notif_ack, create_uid, write_uid, create_date, write_date)
        SELECT c.id, nm, nm, nm, c.id,
               TRUE, 'contact', TRUE, 'en_US', 'Europe/Brussels',
               'customer' || c.n || '@bench.example.com',
               'customer' || c.n || '@bench.example.com',
               """
        + PHONE_SQL.format(n="c.n")
        + """,
               c.n || ' Market Street', lpad((1000 + c.n %% 8999)::text, 4, '0'),
               (ARRAY['Brussels','Antwerp','Ghent','Liege','Namur','Bruges'])[1 + c.n %% 6],
               (SELECT id FROM res_country WHERE code = 'BE'),
               (%(users)s::int[])[c.ui], CASE WHEN c.profile = 'prospect' THEN 0
                                        ELSE c.n_orders END, 0, TRUE,
               FALSE, 0, 0, 'no-message', 'no-message', 'ask',
               jsonb_build_object(%(company)s::text, %(term)s),
               CASE WHEN c.promo THEN jsonb_build_object(%(company)s::text, %(pl_promo)s) END,
               %(now)s, 1, 1,
               %(now)s - make_interval(days => c.since::int), %(now)s
          FROM bc c, LATERAL (SELECT 'Bench Customer ' || lpad(c.n::text, 7, '0') AS nm) x
        """,
        params,
    )
    _step(
        env,
        "res_partner (contacts)",
        """
        INSERT INTO res_partner (
            id, parent_id, name, complete_name, commercial_company_name,
            commercial_partner_id, is_company, type, active, lang, tz, email,
            email_normalized, user_id, customer_rank, supplier_rank, partner_share,
            employee, color, message_bounce, invoice_warn, sale_warn, autopost_bills,
            calendar_last_notif_ack, create_uid, write_uid, create_date, write_date)
        SELECT c.contact_id, c.id, pn, cn || ', ' || pn, cn, c.id,
               FALSE, 'contact', TRUE, 'en_US', 'Europe/Brussels',
               'buyer' || c.n || '@bench.example.com', 'buyer' || c.n || '@bench.example.com',
               (%(users)s::int[])[c.ui], 1, 0, TRUE,
               FALSE, 0, 0, 'no-message', 'no-message', 'ask',
               %(now)s, 1, 1, %(now)s - make_interval(days => c.since::int), %(now)s
          FROM bc c,
               LATERAL (SELECT 'Bench Customer ' || lpad(c.n::text, 7, '0') AS cn,
                               'Buyer ' || c.n AS pn) x
         WHERE c.contact_id IS NOT NULL
        """,
        params,
    )
    # Orders: order k = 0 is the last one, older ones every ival days (+-20% jitter).
    _step(
        env,
        "orders (drawn)",
        """
        CREATE TEMP TABLE bo ON COMMIT DROP AS
        SELECT nextval('sale_order_id_seq') AS id, s.*,
               CASE WHEN s.promo AND random() < 0.5 THEN %(pl_promo)s
                    ELSE %(pl_standard)s END AS pricelist_id,
               CASE WHEN s.profile = 'declining'
                         AND s.date_order > %(now)s - interval '365 days'
                    THEN 0.4 ELSE 1.0 END AS qty_factor
          FROM (
            SELECT c.id AS cust, c.ui, c.promo, c.late, c.profile, c.size, c.pbase,
                   CASE WHEN c.contact_id IS NOT NULL AND random() < 0.3 THEN c.contact_id
                        ELSE c.id END AS partner_id,
                   LEAST(%(now)s - interval '1 hour',
                         %(now)s - make_interval(
                             secs => (c.lastgap + k * c.ival
                                      + CASE WHEN k > 0 THEN (random() - 0.5) * 0.4 * c.ival
                                             ELSE 0 END) * 86400)
                   )::timestamp(0) AS date_order,
                   1 + (random() < 0.3)::int + (random() < 0.08)::int AS n_lines
              FROM bc c, generate_series(0, c.n_orders - 1) k
             WHERE c.profile <> 'prospect'
          ) s
        """,
        params,
    )
    cr.execute("ALTER TABLE bo ADD PRIMARY KEY (id); ANALYZE bo")
    _step(
        env,
        "order lines (drawn)",
        """
        CREATE TEMP TABLE bl ON COMMIT DROP AS
        SELECT t.*,
               round(t.qty * t.price_unit * (1 - t.discount / 100.0), 2) AS subtotal
          FROM (
            SELECT nextval('sale_order_line_id_seq') AS id,
                   nextval('account_move_line_id_seq') AS aml_id,
                   r.order_id, r.seq, (%(products)s::int[])[r.pi] AS product_id,
                   (%(product_names)s::text[])[r.pi] AS product_name,
                   (%(prices)s::numeric[])[r.pi] AS price_unit,
                   GREATEST(1, round(r.size * (2 + r.q * 4) * r.qty_factor))::numeric AS qty,
                   CASE WHEN r.promo AND r.d < 0.5 THEN 20 + 5 * floor(r.d2 * 4)
                        WHEN r.d < 0.12 THEN 5 + 5 * floor(r.d2 * 2)
                        ELSE 0 END::numeric AS discount
              FROM (
                SELECT o.id AS order_id, j AS seq, o.promo, o.qty_factor, o.size,
                       1 + (o.pbase + floor(random() * 3)::int) %% %(n_products)s AS pi,
                       random() AS q, random() AS d, random() AS d2
                  FROM bo o, generate_series(1, o.n_lines) j
              ) r
          ) t
        """,
        params,
    )
    cr.execute(
        """
        ALTER TABLE bl ADD COLUMN tax numeric;
        UPDATE bl SET tax = round(subtotal * %(tax_rate)s, 2);
        ALTER TABLE bl ADD PRIMARY KEY (id);
        CREATE INDEX ON bl (order_id);
        ANALYZE bl
        """,
        params,
    )
    # Invoices: one per order, dated 0-3 days after it, 30 days term; payment delays.
    _step(
        env,
        "invoices (drawn)",
        """
        CREATE TEMP TABLE bm ON COMMIT DROP AS
        SELECT m.*, m.invoice_date + m.pay_delay AS pay_date,
               m.invoice_date + m.pay_delay <= %(today)s AS paid
          FROM (
            SELECT nextval('account_move_id_seq') AS id,
                   nextval('account_move_line_id_seq') AS tax_line_id,
                   nextval('account_move_line_id_seq') AS recv_line_id,
                   o.id AS order_id, o.cust, o.partner_id, o.ui, o.date_order,
                   LEAST(o.date_order::date + floor(random() * 4)::int, %(today)s)
                       AS invoice_date,
                   CASE WHEN o.late THEN 25 + floor(random() * 90)
                        WHEN random() < 0.85 THEN floor(random() * 32)
                        ELSE 30 + floor(random() * 30) END::int AS pay_delay,
                   a.untaxed, a.tax, a.untaxed + a.tax AS total
              FROM bo o
              JOIN (SELECT order_id, SUM(subtotal) AS untaxed, SUM(tax) AS tax
                      FROM bl GROUP BY order_id) a ON a.order_id = o.id
          ) m
        """,
        params,
    )
    cr.execute(
        """
        ALTER TABLE bm ADD COLUMN seq int, ADD COLUMN year text;
        UPDATE bm SET seq = x.seq, year = x.year
          FROM (SELECT id, to_char(invoice_date, 'YYYY') AS year,
                       row_number() OVER (PARTITION BY date_trunc('year', invoice_date)
                                          ORDER BY invoice_date, id) AS seq
                  FROM bm) x
         WHERE x.id = bm.id;
        ALTER TABLE bm ADD PRIMARY KEY (id);
        CREATE INDEX ON bm (order_id);
        ANALYZE bm
        """
    )
    _step(
        env,
        "sale_order",
        """
        INSERT INTO sale_order (
            id, name, company_id, partner_id, partner_invoice_id, partner_shipping_id,
            currency_id, pricelist_id, payment_term_id, user_id, team_id, state,
            invoice_status, date_order, validity_date, currency_rate, amount_untaxed,
            amount_tax, amount_total, locked, require_signature, require_payment,
            prepayment_percent, create_uid, write_uid, create_date, write_date)
        SELECT o.id, 'BS' || lpad(o.id::text, 7, '0'), %(company)s, o.partner_id,
               o.partner_id, o.partner_id, %(currency)s, o.pricelist_id, %(term)s,
               (%(users)s::int[])[o.ui], (%(teams)s::int[])[o.ui], 'sale',
               'invoiced', o.date_order, (o.date_order + interval '30 days')::date, 1.0,
               m.untaxed, m.tax, m.total, FALSE, FALSE, FALSE,
               1.0, 1, 1, o.date_order, o.date_order
          FROM bo o JOIN bm m ON m.order_id = o.id
        """,
        params,
    )
    _step(
        env,
        "sale_order_line",
        """
        INSERT INTO sale_order_line (
            id, order_id, sequence, company_id, currency_id, order_partner_id, salesman_id,
            product_id, product_uom, state, qty_delivered_method, invoice_status, name,
            product_uom_qty, price_unit, technical_price_unit, discount, price_subtotal,
            price_tax, price_total, price_reduce_taxexcl, price_reduce_taxinc,
            qty_delivered, qty_invoiced, qty_to_invoice, untaxed_amount_invoiced,
            untaxed_amount_to_invoice, product_packaging_qty, customer_lead,
            is_downpayment, is_expense, create_uid, write_uid, create_date, write_date)
        SELECT l.id, l.order_id, 10 * l.seq, %(company)s, %(currency)s, o.partner_id,
               (%(users)s::int[])[o.ui], l.product_id, %(uom)s, 'sale', 'manual',
               'invoiced', l.product_name, l.qty, l.price_unit, l.price_unit, l.discount,
               l.subtotal, l.tax, l.subtotal + l.tax, round(l.subtotal / l.qty, 2),
               round((l.subtotal + l.tax) / l.qty, 2), l.qty, l.qty, 0, l.subtotal, 0, 0, 0,
               FALSE, FALSE, 1, 1, o.date_order, o.date_order
          FROM bl l JOIN bo o ON o.id = l.order_id
        """,
        params,
    )
    _step(
        env,
        "account_move (invoices)",
        """
        INSERT INTO account_move (
            id, name, sequence_prefix, sequence_number, journal_id, company_id, partner_id,
            commercial_partner_id, partner_shipping_id, currency_id, invoice_user_id,
            team_id, invoice_payment_term_id, state, move_type, auto_post, payment_reference,
            payment_state, invoice_partner_display_name, invoice_origin, ref, date,
            invoice_date, invoice_date_due, invoice_currency_rate, amount_untaxed,
            amount_tax, amount_total, amount_residual, amount_untaxed_signed,
            amount_untaxed_in_currency_signed, amount_tax_signed, amount_total_signed,
            amount_total_in_currency_signed, amount_residual_signed, is_storno,
            always_tax_exigible, checked, posted_before, made_sequence_gap,
            is_manually_modified, is_move_sent, create_uid, write_uid, create_date,
            write_date)
        SELECT m.id, nm, pfx, m.seq, %(journal_sale)s, %(company)s, m.partner_id, m.cust,
               m.partner_id, %(currency)s, (%(users)s::int[])[m.ui],
               (%(teams)s::int[])[m.ui], %(term)s, 'posted', 'out_invoice', 'no', nm,
               CASE WHEN m.paid THEN 'paid' ELSE 'not_paid' END, p.complete_name,
               'BS' || lpad(m.order_id::text, 7, '0'), '', m.invoice_date, m.invoice_date,
               m.invoice_date + 30, 1.0, m.untaxed, m.tax, m.total,
               CASE WHEN m.paid THEN 0 ELSE m.total END, m.untaxed, m.untaxed, m.tax,
               m.total, m.total, CASE WHEN m.paid THEN 0 ELSE m.total END, FALSE,
               FALSE, TRUE, TRUE, FALSE, FALSE, TRUE, 1, 1,
               m.date_order, m.date_order
          FROM bm m
          JOIN res_partner p ON p.id = m.partner_id,
               LATERAL (SELECT %(sale_prefix)s || '/' || m.year || '/' AS pfx) x,
               LATERAL (SELECT x.pfx || lpad(m.seq::text, 6, '0') AS nm) y
        """,
        params,
    )
    common_aml = """
        INSERT INTO account_move_line (
            id, move_id, move_name, journal_id, company_id, company_currency_id,
            currency_id, partner_id, account_id, sequence, parent_state, ref, name,
            display_type, date, invoice_date, date_maturity, debit, credit, balance,
            amount_currency, amount_residual, amount_residual_currency, tax_base_amount,
            quantity, price_unit, price_subtotal, price_total, discount,
            discount_amount_currency, discount_balance, product_id, product_uom_id,
            tax_line_id, tax_group_id, tax_repartition_line_id, reconciled,
            tax_tag_invert, is_downpayment, create_uid, write_uid, create_date, write_date,
            full_reconcile_id, matching_number)
    """
    _step(
        env,
        "account_move_line (invoice products)",
        common_aml
        + """
        SELECT l.aml_id, m.id, a.name, %(journal_sale)s, %(company)s, %(currency)s,
               %(currency)s, m.cust, %(income)s, l.seq, 'posted', '', l.product_name,
               'product', m.invoice_date, m.invoice_date, NULL, 0, l.subtotal, -l.subtotal,
               -l.subtotal, 0, 0, 0, l.qty, l.price_unit, l.subtotal, l.subtotal + l.tax,
               l.discount, 0, 0, l.product_id, %(uom)s, NULL, NULL, NULL, FALSE, TRUE,
               FALSE, 1, 1, m.date_order, m.date_order, NULL, NULL
          FROM bl l
          JOIN bm m ON m.order_id = l.order_id
          JOIN account_move a ON a.id = m.id
        """,
        params,
    )
    _step(
        env,
        "account_move_line (invoice taxes)",
        common_aml
        + """
        SELECT m.tax_line_id, m.id, a.name, %(journal_sale)s, %(company)s, %(currency)s,
               %(currency)s, m.cust, %(tax_account)s, 10000, 'posted', '', %(tax_name)s,
               'tax', m.invoice_date, m.invoice_date, NULL, 0, m.tax, -m.tax, -m.tax, 0, 0,
               m.untaxed, 0, 0, 0, 0, 0, NULL, NULL, NULL, NULL, %(tax)s, %(tax_group)s,
               %(tax_rep)s, FALSE, TRUE, NULL, 1, 1, m.date_order, m.date_order, NULL, NULL
          FROM bm m JOIN account_move a ON a.id = m.id
        """,
        params,
    )
    # Payments: one bank entry per paid invoice, fully reconciled with its receivable.
    _step(
        env,
        "payments (drawn)",
        """
        CREATE TEMP TABLE bp ON COMMIT DROP AS
        SELECT nextval('account_move_id_seq') AS id,
               nextval('account_move_line_id_seq') AS bank_line_id,
               nextval('account_move_line_id_seq') AS recv_line_id,
               nextval('account_partial_reconcile_id_seq') AS partial_id,
               nextval('account_full_reconcile_id_seq') AS full_id,
               m.id AS invoice_id, m.recv_line_id AS inv_recv_line_id, m.cust, m.total,
               m.pay_date, a.name AS invoice_name, to_char(m.pay_date, 'YYYY') AS year,
               row_number() OVER (PARTITION BY date_trunc('year', m.pay_date)
                                  ORDER BY m.pay_date, m.id) AS seq
          FROM bm m JOIN account_move a ON a.id = m.id
         WHERE m.paid;
        CREATE INDEX ON bp (invoice_id);
        ANALYZE bp
        """,
        params,
    )
    _step(
        env,
        "account_move_line (invoice receivables)",
        common_aml
        + """
        SELECT m.recv_line_id, m.id, a.name, %(journal_sale)s, %(company)s, %(currency)s,
               %(currency)s, m.cust, %(receivable)s, 12000, 'posted', '', a.name,
               'payment_term', m.invoice_date, m.invoice_date, m.invoice_date + 30, m.total,
               0, m.total, m.total, r.residual, r.residual, 0, 0, 0, 0, 0, 0, 0, 0, NULL,
               NULL, NULL, NULL, NULL, m.paid, FALSE, NULL, 1, 1, m.date_order,
               m.date_order, b.full_id, b.full_id::text
          FROM bm m JOIN account_move a ON a.id = m.id
          LEFT JOIN bp b ON b.invoice_id = m.id,
               LATERAL (SELECT CASE WHEN m.paid THEN 0 ELSE m.total END AS residual) r
        """,
        params,
    )
    cr.execute(
        """
        INSERT INTO account_move_line_account_tax_rel (account_move_line_id, account_tax_id)
        SELECT aml_id, %(tax)s FROM bl;
        INSERT INTO sale_order_line_invoice_rel (invoice_line_id, order_line_id)
        SELECT aml_id, id FROM bl;
        INSERT INTO account_tax_sale_order_line_rel (sale_order_line_id, account_tax_id)
        SELECT id, %(tax)s FROM bl
        """,
        params,
    )
    _step(
        env,
        "account_move (payments)",
        """
        INSERT INTO account_move (
            id, name, sequence_prefix, sequence_number, journal_id, company_id, partner_id,
            commercial_partner_id, currency_id, state, move_type, auto_post, payment_state,
            invoice_partner_display_name, ref, date, invoice_date_due,
            invoice_currency_rate, amount_untaxed, amount_tax, amount_total,
            amount_residual, amount_untaxed_signed, amount_untaxed_in_currency_signed,
            amount_tax_signed, amount_total_signed, amount_total_in_currency_signed,
            amount_residual_signed, is_storno, always_tax_exigible, checked, posted_before,
            made_sequence_gap, is_manually_modified, is_move_sent, create_uid, write_uid,
            create_date, write_date)
        SELECT b.id, pfx || lpad(b.seq::text, 6, '0'), pfx, b.seq, %(journal_bank)s,
               %(company)s, b.cust, b.cust, %(currency)s, 'posted', 'entry', 'no',
               'not_paid', p.name, b.invoice_name, b.pay_date, b.pay_date, 0, 0, 0, b.total,
               0, 0, 0, 0, b.total, b.total, 0, FALSE, TRUE, TRUE, TRUE, FALSE, FALSE,
               FALSE, 1, 1, b.pay_date, b.pay_date
          FROM bp b JOIN res_partner p ON p.id = b.cust,
               LATERAL (SELECT %(bank_prefix)s || '/' || b.year || '/' AS pfx) x
        """,
        params,
    )
    _step(
        env,
        "account_move_line (payments)",
        common_aml
        + """
        SELECT v.line_id, b.id, a.name, %(journal_bank)s, %(company)s, %(currency)s,
               %(currency)s, b.cust, v.account_id, 100, 'posted', b.invoice_name,
               'Payment: ' || b.invoice_name, 'product', b.pay_date, NULL, b.pay_date,
               v.debit, v.credit, v.debit - v.credit, v.debit - v.credit, v.residual,
               v.residual, 0, 1, 0, v.debit - v.credit, v.debit - v.credit, 0, NULL, NULL,
               NULL, NULL, NULL, NULL, NULL, v.reconciled, FALSE, NULL, 1, 1, b.pay_date,
               b.pay_date, v.full_id, v.full_id::text
          FROM bp b JOIN account_move a ON a.id = b.id,
               LATERAL (VALUES (b.bank_line_id, %(outstanding)s, b.total, 0, b.total, FALSE,
                                NULL::int),
                               (b.recv_line_id, %(receivable)s, 0, b.total, 0, TRUE, b.full_id))
                   AS v(line_id, account_id, debit, credit, residual, reconciled, full_id)
        """,
        params,
    )
    _step(
        env,
        "reconciliations",
        """
        INSERT INTO account_full_reconcile (id, create_uid, write_uid, create_date, write_date)
        SELECT full_id, 1, 1, pay_date, pay_date FROM bp;
        INSERT INTO account_partial_reconcile (
            id, debit_move_id, credit_move_id, full_reconcile_id, debit_currency_id,
            credit_currency_id, company_id, max_date, amount, debit_amount_currency,
            credit_amount_currency, create_uid, write_uid, create_date, write_date)
        SELECT partial_id, inv_recv_line_id, recv_line_id, full_id, %(currency)s,
               %(currency)s, %(company)s, pay_date, total, total, total, 1, 1, pay_date,
               pay_date
          FROM bp
        """,
        params,
    )
    # Contacts: done activities (some negative ones for late payers) and meetings.
    _step(
        env,
        "mail_message (done activities)",
        """
        INSERT INTO mail_message (
            model, res_id, record_name, record_company_id, message_type, subtype_id,
            mail_activity_type_id, author_id, email_from, reply_to, message_id, body,
            is_internal, email_add_signature, date, create_uid, write_uid, create_date,
            write_date)
        SELECT 'res.partner', s.res_id, p.complete_name, NULL, 'notification',
               %(subtype_activities)s, s.type_id, (%(user_partners)s::int[])[s.ui],
               'bench_sales@example.com', 'bench_sales@example.com',
               '<bench-activity-' || s.res_id || '-' || s.k || '@bench>',
               '<p>' || CASE WHEN s.negative THEN 'Reminder of overdue invoices'
                             ELSE 'Customer follow-up' END || ' done</p>',
               FALSE, TRUE, s.date, 1, 1, s.date, s.date
          FROM (
            SELECT CASE WHEN c.contact_id IS NOT NULL AND random() < 0.3 THEN c.contact_id
                        ELSE c.id END AS res_id,
                   k, c.ui, neg AS negative,
                   CASE WHEN neg THEN (%(negative_types)s::int[])[
                                          1 + floor(random() * %(n_negative)s)::int]
                        ELSE (%(activity_types)s::int[])[1 + floor(random() * 3)::int]
                   END AS type_id,
                   (%(now)s - make_interval(
                       secs => (CASE WHEN neg THEN random() * 60
                                     ELSE c.contact_span * (0.2 + random() * (k - 0.2)) END)
                               * 86400))::timestamp(0) AS date
              FROM bc c, generate_series(1, 1 + floor(random() * 4 + c.n * 0)::int) k,
                   LATERAL (SELECT c.late AND k = 1 AS neg) n
             WHERE c.profile <> 'prospect'
          ) s
          JOIN res_partner p ON p.id = s.res_id
        """,
        dict(params, n_negative=len(negative_types)),
    )
    _step(
        env,
        "calendar events (drawn)",
        """
        CREATE TEMP TABLE be ON COMMIT DROP AS
        SELECT nextval('calendar_event_id_seq') AS id,
               COALESCE(c.contact_id, c.id) AS partner_id, c.ui, c.n,
               (%(now)s - make_interval(secs => random() * 400 * 86400))::timestamp(0)
                   AS start
          FROM bc c
         WHERE c.profile <> 'prospect' AND random() < 0.3
        """,
        params,
    )
    cr.execute(
        """
        INSERT INTO calendar_event (
            id, name, user_id, show_as, active, allday, follow_recurrence, privacy,
            start, stop, duration, create_uid, write_uid, create_date, write_date)
        SELECT id, 'Visit of Bench Customer ' || n, (%(users)s::int[])[ui], 'busy', TRUE,
               FALSE, FALSE, 'public', start, start + interval '1 hour', 1.0, 1, 1, start,
               start
          FROM be;
        INSERT INTO calendar_event_res_partner_rel (calendar_event_id, res_partner_id)
        SELECT id, partner_id FROM be
         UNION ALL
        SELECT id, (%(user_partners)s::int[])[ui] FROM be;
        INSERT INTO calendar_attendee (
            event_id, partner_id, common_name, access_token, state, create_uid,
            write_uid, create_date, write_date)
        SELECT b.id, b.partner_id, p.name, md5(b.id::text || 'a'), 'accepted', 1, 1,
               b.start, b.start
          FROM be b JOIN res_partner p ON p.id = b.partner_id
        """,
        params,
    )
    _logger.info("%-42s %8d rows", "calendar_event", cr.rowcount)
    if "helpdesk.ticket" in env:
        _generate_tickets(env, params)
    _create_indexes(cr, indexes)
    cr.execute(
        """
        SELECT setval('res_partner_id_seq', (SELECT MAX(id) FROM res_partner));
        ANALYZE res_partner, sale_order, sale_order_line, account_move, account_move_line,
                account_partial_reconcile, account_full_reconcile, mail_message,
                calendar_event, calendar_event_res_partner_rel, calendar_attendee
        """
    )
    env["ir.config_parameter"].sudo().set_param(MARK, str(n_customers))
    env.invalidate_all()
    counts = counts_of(env)
    _logger.info("generated in %.1f s: %s", time.monotonic() - start, counts)
    return counts


def _generate_tickets(env, params):
    stages = env["helpdesk.ticket.stage"].search([])
    open_stages = stages.filtered(lambda s: not s.closed).ids
    closed_stages = stages.filtered("closed").ids
    if not (open_stages and closed_stages):
        return
    _step(
        env,
        "helpdesk_ticket",
        """
        INSERT INTO helpdesk_ticket (
            number, name, description, stage_id, partner_id, commercial_partner_id,
            partner_name, partner_email, company_id, user_id, priority, kanban_state,
            active, unattended, sequence, color, last_stage_update, closed_date,
            create_uid, write_uid, create_date, write_date)
        SELECT 'HT' || lpad(s.n::text, 7, '0') || '-' || s.k, 'Complaint ' || s.k,
               '<p>Delivery problem</p>', s.stage_id, s.partner_id, s.cust, p.name,
               p.email, %(company)s, (%(users)s::int[])[s.ui], '1', 'normal', TRUE,
               s.stage_id = %(first_stage)s, 10, 0, s.created,
               CASE WHEN s.closed THEN s.created + interval '3 days' END, 1, 1, s.created,
               s.created
          FROM (
            SELECT c.n, k, c.id AS cust, c.ui, COALESCE(c.contact_id, c.id) AS partner_id,
                   x.closed,
                   CASE WHEN x.closed
                        THEN (%(closed_stages)s::int[])[1 + floor(random() * %(n_closed)s)::int]
                        ELSE (%(open_stages)s::int[])[1 + floor(random() * %(n_open)s)::int]
                   END AS stage_id,
                   (%(now)s - make_interval(secs => random() * 500 * 86400))::timestamp(0)
                       AS created
              FROM bc c, generate_series(1, CASE WHEN random() + c.n * 0 < 0.05 THEN 5
                                                 ELSE floor(random() * 1.4)::int END) k,
                   LATERAL (SELECT random() < 0.6 + k * 0 AS closed) x
             WHERE c.profile <> 'prospect'
          ) s
          JOIN res_partner p ON p.id = s.partner_id
        """,
        dict(
            params,
            open_stages=open_stages,
            closed_stages=closed_stages,
            n_open=len(open_stages),
            n_closed=len(closed_stages),
            first_stage=open_stages[0],
        ),
    )
    env.cr.execute("ANALYZE helpdesk_ticket")


def counts_of(env):
    cr = env.cr
    queries = {
        "customers": "SELECT COUNT(*) FROM res_partner WHERE name LIKE 'Bench Customer %'"
        " AND parent_id IS NULL",
        "customers_with_orders": "SELECT COUNT(DISTINCT rp.commercial_partner_id)"
        " FROM sale_order so JOIN res_partner rp ON rp.id = so.partner_id"
        " WHERE so.state = 'sale'",
        "contacts": "SELECT COUNT(*) FROM res_partner WHERE name LIKE 'Buyer %'",
        "sale_orders": "SELECT COUNT(*) FROM sale_order",
        "sale_order_lines": "SELECT COUNT(*) FROM sale_order_line",
        "invoices": "SELECT COUNT(*) FROM account_move WHERE move_type = 'out_invoice'",
        "invoice_lines": "SELECT COUNT(*) FROM account_move_line l JOIN account_move m"
        " ON m.id = l.move_id WHERE m.move_type = 'out_invoice'"
        " AND l.display_type = 'product'",
        "open_invoices": "SELECT COUNT(*) FROM account_move WHERE move_type = 'out_invoice'"
        " AND payment_state = 'not_paid'",
        "overdue_invoices": "SELECT COUNT(*) FROM account_move WHERE move_type ="
        " 'out_invoice' AND payment_state = 'not_paid' AND invoice_date_due < CURRENT_DATE",
        "all_move_lines": "SELECT COUNT(*) FROM account_move_line",
        "done_activities": "SELECT COUNT(*) FROM mail_message"
        " WHERE mail_activity_type_id IS NOT NULL",
        "calendar_events": "SELECT COUNT(*) FROM calendar_event",
    }
    if "helpdesk.ticket" in env:
        queries["helpdesk_tickets"] = "SELECT COUNT(*) FROM helpdesk_ticket"
    result = {}
    for key, query in queries.items():
        cr.execute(query)
        result[key] = cr.fetchone()[0]
    result["order_and_invoice_lines"] = result["sale_order_lines"] + result["invoice_lines"]
    return result


def check_orm(env):
    """Read the generated rows through the ORM and recompute what the ORM would have
    computed (amounts, payment states, invoicing status): it must equal what was stored."""
    result = {}
    orders = env["sale.order"].search([("name", "=like", "BS%")], limit=200)
    orders.read()
    orders.order_line.read()

    def so_state():
        return [
            (o.amount_untaxed, o.amount_tax, o.amount_total, o.invoice_status, o.invoice_count)
            for o in orders
        ]

    before = so_state()
    orders.order_line._compute_amount()
    orders.order_line._compute_qty_invoiced()
    orders.order_line._compute_invoice_status()
    orders._compute_amounts()
    orders._compute_invoice_status()
    result["orders_recomputed_equal"] = before == so_state()
    Move = env["account.move"]
    for label, domain in (
        ("paid", [("payment_state", "=", "paid")]),
        ("open", [("payment_state", "=", "not_paid")]),
    ):
        moves = Move.search([("move_type", "=", "out_invoice")] + domain, limit=200)
        moves.read()
        moves.line_ids.read()

        def move_state(moves=moves):
            return [
                (m.amount_untaxed, m.amount_tax, m.amount_total, m.amount_residual, m.payment_state)
                for m in moves
            ]

        before = move_state()
        moves._compute_amount()
        moves._compute_payment_state()
        result[f"{label}_invoices_recomputed_equal"] = before == move_state()
        result[f"{label}_invoices_read"] = len(moves)
    open_moves = Move.search(
        [
            ("move_type", "=", "out_invoice"),
            ("payment_state", "=", "not_paid"),
            ("invoice_date_due", "<", fields.Date.context_today(Move)),
        ]
    )
    result["overdue_residual"] = round(sum(open_moves.mapped("amount_residual")), 2)
    partner = orders[:1].partner_id.commercial_partner_id
    partner.read(["name", "sale_order_count", "total_invoiced", "credit"])
    env["calendar.event"].search([], limit=5).read(["name", "partner_ids", "start", "stop"])
    env["mail.message"].search([("mail_activity_type_id", "!=", False)], limit=5).read(
        ["body", "mail_activity_type_id", "res_id", "model"]
    )
    env.cr.rollback()
    result["ok"] = all(v for k, v in result.items() if k.endswith("_equal"))
    return result
