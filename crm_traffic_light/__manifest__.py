# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Customer Traffic Light",
    "summary": "Warns salespeople before existing customers leave: "
    "green / orange / red customer health flags with explanations and actions",
    "version": "18.0.2.0.0",
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
        "crm_traffic_light_churn",
        "crm_traffic_light_report",
    ],
    "data": [],
    "application": True,
    "installable": True,
}
