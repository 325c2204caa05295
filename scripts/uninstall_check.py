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
    before = {m: env[m].search_count([]) for m in ("res.partner", "sale.order", "account.move")}
    modules = env["ir.module.module"].search([("name", "in", addons), ("state", "=", "installed")])
    modules.button_immediate_uninstall()
registry = odoo.modules.registry.Registry.new(db)
with registry.cursor() as cr:
    env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
    left = env["ir.module.module"].search([("name", "in", addons), ("state", "!=", "uninstalled")])
    after = {m: env[m].search_count([]) for m in before}
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
