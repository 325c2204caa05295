from . import bgnbd, crm_traffic_light_churn_model, res_partner
