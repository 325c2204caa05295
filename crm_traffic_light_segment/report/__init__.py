from . import crm_traffic_light_contact_report
