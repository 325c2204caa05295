"""Uninstall the repository's addons from the test database and check business data survive."""

import sys

odoo_path, conf, addons = sys.argv[1], sys.argv[2], sys.argv[3].split(",")
sys.path.insert(0, odoo_path)

import odoo  # noqa: E402

odoo.tools.config.parse_config(["-c", conf, "--log-level=warn"])
db = odoo.tools.config["db_name"]
registry = odoo.modules.registry.Registry.new(db)
with registry.cursor() as cr:
    env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
    # Business data the addons looked at: a customer with a confirmed order, flagged and
    # alerted by a full run, and an activity on it.
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
    print("before uninstall: customer flag", customer.traffic_light)
    # Records of Odoo's own models; the addons' own records (alerts...) leave with them.
    business = {
        "res.partner": [],
        "sale.order": [],
        "sale.order.line": [],
        "account.move": [],
        "mail.activity": [("res_model", "not like", "crm.traffic.light%")],
    }
    before = {m: env[m].search_count(domain) for m, domain in business.items()}
    modules = env["ir.module.module"].search([("name", "in", addons), ("state", "=", "installed")])
    modules.button_immediate_uninstall()
registry = odoo.modules.registry.Registry.new(db)
with registry.cursor() as cr:
    env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
    left = env["ir.module.module"].search([("name", "in", addons), ("state", "!=", "uninstalled")])
    after = {m: env[m].search_count(domain) for m, domain in business.items()}
    cr.execute(
        "SELECT column_name FROM information_schema.columns"
        " WHERE table_name = 'res_partner' AND column_name LIKE 'traffic_light%%'"
    )
    columns = [r[0] for r in cr.fetchall()]
problems = []
if left:
    problems.append("still installed: %s" % left.mapped("name"))
if after != before:
    problems.append("business data changed: %s -> %s" % (before, after))
if columns:
    problems.append("columns left on res_partner: %s" % columns)
print("uninstall check:", "; ".join(problems) or "ok (%s)" % after)
sys.exit(1 if problems else 0)
