# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import (
    crm_traffic_light_completeness_field,
    crm_traffic_light_contact_frequency,
    crm_traffic_light_duplicate,
    crm_traffic_light_engine,
    crm_traffic_light_norm,
    crm_traffic_light_potential_step,
    crm_traffic_light_segment,
    crm_traffic_light_segment_history,
    res_company,
    res_config_settings,
    res_partner,
)
