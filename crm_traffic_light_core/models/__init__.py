# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# isort: skip_file
# The mixins must be imported before the models that inherit them.
from . import res_partner
from . import crm_traffic_light_indicator_mixin
from . import crm_traffic_light_indicator_turnover
from . import crm_traffic_light_indicator_last_order
from . import crm_traffic_light_indicator_discount
from . import crm_traffic_light_indicator_contact
from . import crm_traffic_light_indicator_payment
from . import crm_traffic_light_indicator_trend
from . import crm_traffic_light_norm
from . import crm_traffic_light_status
from . import crm_traffic_light_history
from . import crm_traffic_light_engine_store
from . import crm_traffic_light_engine_run
from . import crm_traffic_light_engine
from . import crm_traffic_light_customer_mixin
from . import crm_traffic_light_override
from . import crm_traffic_light_norm_simulator
from . import mail_activity_type
from . import product_pricelist
from . import res_company
from . import res_config_settings
