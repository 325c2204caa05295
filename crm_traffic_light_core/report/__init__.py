from . import crm_traffic_light_report_mixin
