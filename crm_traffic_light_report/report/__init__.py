from . import (
    crm_traffic_light_alert_report,
    crm_traffic_light_condition_report,
    crm_traffic_light_reason_report,
)
