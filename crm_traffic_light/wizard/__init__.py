from . import crm_traffic_light_norm_simulation
