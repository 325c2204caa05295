# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Customer Traffic Light - Reports",
    "summary": "Reports of the customer traffic light: alert handling time, customer "
    "condition, reasons and their map, flag trend, XLSX export, customer health card",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/crm-traffic-light/crm_traffic_light",
    "author": "crm_traffic_light contributors",
    "license": "LGPL-3",
    "maintainers": ["crm-traffic-light"],
    "development_status": "Beta",
    "depends": [
        "crm_traffic_light_core",
        "crm_traffic_light_alert",
        "crm_traffic_light_segment",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/crm_traffic_light_reason_report_security.xml",
        "security/crm_traffic_light_analytics_security.xml",
        "views/crm_traffic_light_reason_report_views.xml",
        "wizard/crm_traffic_light_reason_map_views.xml",
        "views/crm_traffic_light_reporting_menus.xml",
        "report/crm_traffic_light_health_card.xml",
        "views/crm_traffic_light_analytics_views.xml",
    ],
    "external_dependencies": {
        "python": ["openupgradelib", "xlsxwriter"],
    },
    "pre_init_hook": "pre_init_hook",
    "post_init_hook": "post_init_hook",
    "application": False,
    "installable": True,
}
