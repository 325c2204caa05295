# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Customer Traffic Light - Core",
    "summary": "Engine of the customer traffic light: indicators, norms, green / orange / red "
    "flags with their explanation and history, manual overrides",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/crm-traffic-light/crm_traffic_light",
    "author": "crm_traffic_light contributors",
    "license": "LGPL-3",
    "maintainers": ["crm-traffic-light"],
    "development_status": "Beta",
    "depends": [
        "sale_management",
        "account",
        "crm",
        "calendar",
        "mail",
        "contacts",
    ],
    "data": [
        "security/crm_traffic_light_groups.xml",
        "security/ir.model.access.csv",
        "security/crm_traffic_light_rules.xml",
        "data/mail_activity_type_data.xml",
        "data/ir_cron_data.xml",
        "views/res_partner_views.xml",
        "views/crm_traffic_light_norm_views.xml",
        "views/crm_traffic_light_history_views.xml",
        "views/crm_traffic_light_override_views.xml",
        "views/res_config_settings_views.xml",
        "views/mail_activity_type_views.xml",
        "views/product_pricelist_views.xml",
        "views/crm_traffic_light_menus.xml",
        "wizard/crm_traffic_light_norm_simulation_views.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "crm_traffic_light_core/static/tests/tours/*.js",
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
