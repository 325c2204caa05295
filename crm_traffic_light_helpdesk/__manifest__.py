{
    "name": "Customer Traffic Light - Helpdesk",
    "summary": "Satisfaction indicator of the customer traffic light: open complaints "
    "(OCA helpdesk tickets) of each customer",
    "version": "18.0.1.1.0",
    "category": "Sales/CRM",
    "website": "https://github.com/crm-traffic-light/crm_traffic_light",
    "author": "crm_traffic_light contributors",
    "license": "LGPL-3",
    "depends": [
        "crm_traffic_light_core",
        "helpdesk_mgmt",
    ],
    "data": [],
    "post_init_hook": "post_init_hook",
    "uninstall_hook": "uninstall_hook",
    "auto_install": True,
    "application": False,
    "installable": True,
}
