# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Customer Traffic Light - Segments",
    "summary": "ABC / XYZ / RFM segments, sleeping customers, card completeness, contact "
    "discipline, customer potential and duplicate customers",
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
        "security/crm_traffic_light_segment_security.xml",
        "data/crm_traffic_light_segment_data.xml",
        "data/crm_traffic_light_segment_cron.xml",
        "views/crm_traffic_light_norm_segment_views.xml",
        "views/res_partner_segment_views.xml",
        "views/crm_traffic_light_segment_views.xml",
        "views/crm_traffic_light_duplicate_views.xml",
        "views/crm_traffic_light_contact_report_views.xml",
        "views/crm_traffic_light_segment_config_views.xml",
        "views/crm_traffic_light_segment_menus.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "crm_traffic_light_segment/static/tests/tours/*.js",
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
