{
    "name": "Customer Traffic Light - Churn in Reports",
    "summary": "Money at risk of the churn prediction in the customer condition report",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/crm-traffic-light/crm_traffic_light",
    "author": "crm_traffic_light contributors",
    "license": "LGPL-3",
    "depends": [
        "crm_traffic_light_churn",
        "crm_traffic_light_report",
    ],
    "data": [
        "views/crm_traffic_light_condition_report_views.xml",
    ],
    "auto_install": True,
    "application": False,
    "installable": True,
}
