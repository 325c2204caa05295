# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Customer Traffic Light - Churn in Reports",
    "summary": "Money at risk of the churn prediction in the customer condition report",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/crm-traffic-light/crm_traffic_light",
    "author": "crm_traffic_light contributors",
    "license": "LGPL-3",
    "maintainers": ["crm-traffic-light"],
    "development_status": "Beta",
    "depends": [
        "crm_traffic_light_churn",
        "crm_traffic_light_report",
    ],
    "data": [
        "views/crm_traffic_light_condition_report_views.xml",
    ],
    "auto_install": True,
    "external_dependencies": {
        "python": ["openupgradelib"],
    },
    "pre_init_hook": "pre_init_hook",
    "post_init_hook": "post_init_hook",
    "application": False,
    "installable": True,
}
