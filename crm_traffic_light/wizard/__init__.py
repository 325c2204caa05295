from . import crm_traffic_light_alert_snooze
