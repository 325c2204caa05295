# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Complete a demo database of the released single addon (18.0.1.0.0) before the upgrade
check: what ``make demo`` of that version does not make but a user of it has.

Usage: upgrade_data.py ODOO_PATH ODOO_CONF   (run with the OLD code in the addons path)

Adds: manual overrides, sales plans (one per red alert, as the playbook asks), duplicate
pairs, a fitted churn model and segments (the full run's), a tag norm and edited norms,
edited and new alert reasons, an edited playbook step, edited crons, an edited activity type
and contact flag, edited potential steps, settings (companies and system parameters), a
Polish user given the Traffic Light administrator group, open activities of the addon's own
types; then a second full run so that history and alerts move on. Only the ORM API of
18.0.1.0.0 is used (models and fields that the family kept).
"""

import sys
from datetime import timedelta

odoo_path, conf = sys.argv[1], sys.argv[2]
sys.path.insert(0, odoo_path)

import odoo  # noqa: E402
from odoo import fields  # noqa: E402

OLD = "crm_traffic_light"


def main():
    odoo.tools.config.parse_config(["-c", conf, "--log-level=warn"])
    registry = odoo.modules.registry.Registry.new(odoo.tools.config["db_name"])
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        edit_configuration(env)
        add_customer_data(env)
        env["crm.traffic.light.engine"]._cron_full_run()
        env["crm.traffic.light.duplicate"]._cron_find_duplicates()
        print_counts(env)


def edit_configuration(env):
    """What an administrator of 18.0.1.0.0 changed: noupdate records and settings."""
    ref = env.ref
    ref(f"{OLD}.alert_reason_price").name = "Price (competitor offer)"
    ref(f"{OLD}.alert_reason_other").active = False
    reason = env["crm.traffic.light.alert.reason"].create({"name": "Ownership change"})
    reason.with_context(lang="pl_PL").name = "Zmiana właściciela"
    step = ref(f"{OLD}.activity_plan_alert_orange_contact")
    step.write({"summary": "Call the customer within two days", "delay_count": 1})
    ref(f"{OLD}.ir_cron_traffic_light_full").write({"interval_number": 2})
    ref(f"{OLD}.ir_cron_traffic_light_alert_escalation").active = False
    ref(f"{OLD}.mail_activity_type_debt_collection").write(
        {"name": "Debt collection call", "delay_count": 3}
    )
    ref("mail.mail_activity_data_email").traffic_light_contact = False
    ref(f"{OLD}.potential_step_50").name = "Interested, offer sent"
    company = env.company
    norms = env["crm.traffic.light.norm"].search([("company_id", "=", company.id)])
    norms.filtered(lambda n: n.indicator_code == "contact" and not n.category_id).write(
        {"orange": 45.0, "red": 100.0}
    )
    norms.filtered(lambda n: n.indicator_code == "discount").active = False
    tag = env["res.partner.category"].search([], limit=1)
    env["crm.traffic.light.norm"].create(
        {
            "company_id": company.id,
            "indicator_code": "last_order",
            "category_id": tag.id,
            "mode": "absolute",
            "orange": 60.0,
            "red": 150.0,
        }
    )
    company.write(
        {
            "traffic_light_window_days": 400,
            "traffic_light_batch_size": 2000,
            "traffic_light_escalation_days": 10,
            "traffic_light_sleeping_days": 200,
        }
    )
    params = env["ir.config_parameter"]
    params.set_param(f"{OLD}.alert_playbook_batch_limit", "150")
    params.set_param(f"{OLD}.alert_playbook_run_limit", "300")
    polish = env["res.users"].search([("login", "=", "anna")])
    polish.groups_id = [(4, ref(f"{OLD}.group_traffic_light_admin").id)]


def add_customer_data(env):
    """Overrides, sales plans, open activities of the addon's types, duplicates."""
    today = fields.Date.context_today(env.user)
    company = env.company
    statuses = env["crm.traffic.light.status"].search([("company_id", "=", company.id)])
    greens = statuses.filtered(lambda s: s.flag == "green")[:3].partner_id
    for i, partner in enumerate(greens):
        env["crm.traffic.light.override"].create(
            {
                "partner_id": partner.id,
                "company_id": company.id,
                "flag": "orange" if i else "red",
                "reason": "Key account under renegotiation",
                "date_expiry": today + timedelta(days=30 + i),
            }
        )
    alerts = env["crm.traffic.light.alert"].search(
        [("flag", "=", "red"), ("state", "in", ("new", "in_progress"))], limit=4
    )
    for alert in alerts:
        env["crm.traffic.light.sales.plan"].create(
            {
                "partner_id": alert.partner_id.id,
                "company_id": alert.company_id.id,
                "alert_id": alert.id,
                "target_amount": 5000.0,
                "date_start": today,
                "date_control": today + timedelta(days=60),
            }
        )
    debt = env.ref(f"{OLD}.mail_activity_type_debt_collection")
    problem = env.ref(f"{OLD}.mail_activity_type_payment_problem")
    for partner, activity_type in zip(greens, (debt, problem, debt), strict=False):
        partner.activity_schedule(activity_type_id=activity_type.id, summary="Upgrade check")
    customer = statuses[:1].partner_id
    customer.copy({"name": customer.name, "vat": customer.vat})


def print_counts(env):
    counts = {
        model: env[model].with_context(active_test=False).search_count([])
        for model in (
            "crm.traffic.light.status",
            "crm.traffic.light.history",
            "crm.traffic.light.alert",
            "crm.traffic.light.override",
            "crm.traffic.light.sales.plan",
            "crm.traffic.light.segment",
            "crm.traffic.light.duplicate",
            "crm.traffic.light.churn.model",
            "crm.traffic.light.norm",
            "mail.activity",
        )
    }
    print("old data: " + ", ".join(f"{m.split('.')[-1]} {n}" for m, n in counts.items()))


if __name__ == "__main__":
    main()
