from . import (
    crm_traffic_light_engine,
    crm_traffic_light_indicator_satisfaction,
    crm_traffic_light_status,
)
