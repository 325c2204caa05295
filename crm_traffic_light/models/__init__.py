from . import (
    bgnbd,
    crm_traffic_light_churn_model,
    crm_traffic_light_norm_simulator,
    res_partner,
    res_partner_churn,
    sale_order_churn,
)
