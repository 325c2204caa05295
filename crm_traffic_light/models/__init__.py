# isort: skip_file
# The indicator mixin must be imported before the indicators that inherit it.
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
from . import crm_traffic_light_engine
from . import mail_activity_type
from . import product_pricelist
from . import res_company
from . import res_config_settings
