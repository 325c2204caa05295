{
    "name": "Customer Traffic Light",
    "summary": "Warns salespeople before existing customers leave: "
    "green / orange / red customer health flags with explanations and actions",
    "version": "18.0.2.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/crm-traffic-light/crm_traffic_light",
    "author": "crm_traffic_light contributors",
    "license": "LGPL-3",
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
