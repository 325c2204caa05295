from . import (
    crm_traffic_light_alert,
    crm_traffic_light_alert_reason,
    crm_traffic_light_override,
    crm_traffic_light_sales_plan,
    mail_activity_alert,
    mail_activity_plan_template_alert,
    res_company_alert,
    res_config_settings_alert,
    res_partner,
)
