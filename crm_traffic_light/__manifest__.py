{
    "name": "Customer Traffic Light",
    "summary": "Warns salespeople before existing customers leave: "
    "green / orange / red customer health flags with explanations and actions",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/crm-traffic-light/crm_traffic_light",
    "author": "crm_traffic_light contributors",
    "license": "LGPL-3",
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
        "security/crm_traffic_light_alert_security.xml",
        "data/crm_traffic_light_alert_reason_data.xml",
        "data/mail_activity_plan_data.xml",
        "data/ir_cron_alert_data.xml",
        "views/res_partner_views.xml",
        "views/crm_traffic_light_menus.xml",
        "views/crm_traffic_light_alert_views.xml",
        "views/crm_traffic_light_alert_config_views.xml",
        "views/res_partner_alert_views.xml",
        "views/res_config_settings_alert_views.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "crm_traffic_light/static/tests/tours/*.js",
        ],
    },
    "application": False,
    "installable": True,
}
