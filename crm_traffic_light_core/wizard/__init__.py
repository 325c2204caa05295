from . import (
    base_partner_merge_automatic_wizard,
    crm_traffic_light_alert_snooze,
    crm_traffic_light_norm_simulation,
    crm_traffic_light_reason_map,
    crm_traffic_light_report_export,
)
