# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Customer Traffic Light - Alerts",
    "summary": "Alerts when a customer turns orange or red: playbooks of activities for the "
    "salesperson and the manager, reasons, snooze, escalation, recovery sales plans",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/crm-traffic-light/crm_traffic_light",
    "author": "crm_traffic_light contributors",
    "license": "LGPL-3",
    "maintainers": ["crm-traffic-light"],
    "development_status": "Beta",
    "depends": [
        "crm_traffic_light_core",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/crm_traffic_light_alert_security.xml",
        "data/crm_traffic_light_alert_reason_data.xml",
        "data/mail_activity_plan_data.xml",
        "data/ir_cron_alert_data.xml",
        "data/ir_cron_alert_playbook_data.xml",
        "views/crm_traffic_light_alert_views.xml",
        "views/crm_traffic_light_alert_config_views.xml",
        "views/res_partner_alert_views.xml",
        "views/res_config_settings_alert_views.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "crm_traffic_light_alert/static/tests/tours/*.js",
        ],
    },
    "external_dependencies": {
        "python": ["openupgradelib"],
    },
    "pre_init_hook": "pre_init_hook",
    "post_init_hook": "post_init_hook",
    "uninstall_hook": "uninstall_hook",
    "application": False,
    "installable": True,
}
