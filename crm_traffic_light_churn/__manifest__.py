# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Customer Traffic Light - Churn Prediction",
    "summary": "Probability that each customer is still active (MBG/NBD model fitted per "
    "company), orders to expect and money at risk, as a traffic light indicator",
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
        "security/crm_traffic_light_churn_model_security.xml",
        "views/crm_traffic_light_churn_model_views.xml",
        "views/res_partner_churn_views.xml",
    ],
    "external_dependencies": {
        "python": ["numpy", "scipy", "openupgradelib"],
    },
    "pre_init_hook": "pre_init_hook",
    "post_init_hook": "post_init_hook",
    "uninstall_hook": "uninstall_hook",
    "application": False,
    "installable": True,
}
