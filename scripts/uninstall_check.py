# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Uninstall the repository's addons from the test database and check what they leave.

1. Business data the addons looked at: a customer with a confirmed order, flagged and
   alerted by a full run, an open activity, and done activities of the addons' own
   activity types (Debt Collection, Payment Problem, No Answer).
2. The umbrella ``crm_traffic_light`` alone: it owns nothing but the application entry, so
   the family stays installed and working (flags, engine, indexes).
3. Every addon of the family. Checked: no addon left installed, Odoo's records intact, no
   ``traffic_light*`` column left on res_partner, no ``crm_traffic_light*`` index left on
   Odoo's tables, every done activity kept its type (the addons' types stay as ordinary
   activity types).
"""

import sys

odoo_path, conf, addons = sys.argv[1], sys.argv[2], sys.argv[3].split(",")
sys.path.insert(0, odoo_path)

import odoo  # noqa: E402

UMBRELLA = "crm_traffic_light"
KEPT_TYPES = {
    "crm_traffic_light_core.mail_activity_type_debt_collection",
    "crm_traffic_light_core.mail_activity_type_payment_problem",
    "crm_traffic_light_segment.mail_activity_type_no_answer",
}
# Records of Odoo's own models; the addons' own records (alerts...) leave with them.
BUSINESS = {
    "res.partner": [],
    "sale.order": [],
    "sale.order.line": [],
    "account.move": [],
    "mail.activity": [("res_model", "not like", "crm.traffic.light%")],
    "mail.activity.type": [],
}


def core_table_indexes(cr):
    cr.execute(
        r"""
        SELECT tablename || '.' || indexname FROM pg_indexes
         WHERE schemaname = current_schema() AND indexname LIKE 'crm\_traffic\_light%'
           AND tablename NOT LIKE 'crm\_traffic\_light%'
         ORDER BY 1
        """
    )
    return [name for (name,) in cr.fetchall()]


def done_activity_types(cr, message_ids):
    """{message id: activity type id} of the done activities ``message_ids``."""
    cr.execute(
        "SELECT id, mail_activity_type_id FROM mail_message WHERE id = ANY(%s)",
        [list(message_ids)],
    )
    return dict(cr.fetchall())


def env_of(cr):
    return odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})


def installed(env, names):
    return env["ir.module.module"].search([("name", "in", names), ("state", "=", "installed")])


odoo.tools.config.parse_config(["-c", conf, "--log-level=warn"])
db = odoo.tools.config["db_name"]
with odoo.modules.registry.Registry.new(db).cursor() as cr:
    env = env_of(cr)
    product = env["product.product"].create({"name": "Uninstall Check Product", "list_price": 10})
    customer = env["res.partner"].create({"name": "Uninstall Check Customer", "is_company": True})
    order = env["sale.order"].create(
        {"partner_id": customer.id, "order_line": [(0, 0, {"product_id": product.id})]}
    )
    order.action_confirm()
    cr.execute(
        "UPDATE sale_order SET date_order = now() - interval '400 days' WHERE id = %s",
        (order.id,),
    )
    env.invalidate_all()
    env["crm.traffic.light.engine"]._cron_full_run()
    customer.activity_schedule("mail.mail_activity_data_todo", summary="Uninstall check")
    for xmlid in sorted(KEPT_TYPES):
        activity = customer.activity_schedule(xmlid, summary="Done before the uninstall")
        activity.action_feedback(feedback="Done")
    cr.execute("SELECT id FROM mail_message WHERE mail_activity_type_id IS NOT NULL")
    types_before = done_activity_types(cr, [row[0] for row in cr.fetchall()])
    kept_type_ids = {env.ref(xmlid).id for xmlid in KEPT_TYPES}
    print(
        "before uninstall: customer flag %s, %d done activities (%d of the addons' types), "
        "%d indexes on Odoo's tables"
        % (
            customer.traffic_light,
            len(types_before),
            sum(1 for t in types_before.values() if t in kept_type_ids),
            len(core_table_indexes(cr)),
        )
    )
    before = {m: env[m].search_count(domain) for m, domain in BUSINESS.items()}
    indexes_before = core_table_indexes(cr)
    installed(env, [UMBRELLA]).button_immediate_uninstall()

problems = []
with odoo.modules.registry.Registry.new(db).cursor() as cr:
    env = env_of(cr)
    family = [name for name in addons if name != UMBRELLA]
    missing = set(installed(env, family).mapped("name")) ^ set(
        env["ir.module.module"]
        .search([("name", "in", family), ("state", "!=", "uninstalled")])
        .mapped("name")
    )
    flag = env["res.partner"].browse(customer.id).traffic_light
    print("umbrella alone uninstalled: family still installed, customer flag %s" % flag)
    if installed(env, [UMBRELLA]) or missing or not flag:
        problems.append("uninstalling the umbrella alone changed the family (flag %s)" % flag)
    if core_table_indexes(cr) != indexes_before:
        problems.append("uninstalling the umbrella alone dropped indexes")
    installed(env, addons).button_immediate_uninstall()

with odoo.modules.registry.Registry.new(db).cursor() as cr:
    env = env_of(cr)
    left = env["ir.module.module"].search([("name", "in", addons), ("state", "!=", "uninstalled")])
    after = {m: env[m].search_count(domain) for m, domain in BUSINESS.items()}
    cr.execute(
        "SELECT column_name FROM information_schema.columns"
        " WHERE table_name = 'res_partner' AND column_name LIKE 'traffic_light%%'"
    )
    columns = [r[0] for r in cr.fetchall()]
    indexes = core_table_indexes(cr)
    types_after = done_activity_types(cr, types_before)
if left:
    problems.append("still installed: %s" % left.mapped("name"))
if after != before:
    problems.append("business data changed: %s -> %s" % (before, after))
if columns:
    problems.append("columns left on res_partner: %s" % columns)
if indexes:
    problems.append("indexes left on Odoo's tables: %s" % indexes)
lost = sorted(mid for mid, type_id in types_before.items() if types_after.get(mid) != type_id)
if lost:
    problems.append("%d done activities lost their type, e.g. messages %s" % (len(lost), lost[:5]))
print(
    "uninstall check:",
    "; ".join(problems)
    or "ok (%s; %d done activities kept their type; indexes dropped: %d)"
    % (after, len(types_after), len(indexes_before)),
)
sys.exit(1 if problems else 0)
