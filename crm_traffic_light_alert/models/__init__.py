# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# isort: skip_file
# The alert's mixins must be imported before the alert that inherits them.
from . import crm_traffic_light_alert_access
from . import crm_traffic_light_alert_actions
from . import crm_traffic_light_alert_chatter
from . import crm_traffic_light_alert_cron
from . import crm_traffic_light_alert_playbook
from . import crm_traffic_light_alert_sync
from . import crm_traffic_light_alert
from . import crm_traffic_light_alert_reason
from . import crm_traffic_light_sales_plan
from . import crm_traffic_light_indicator_sales_plan
from . import crm_traffic_light_engine
from . import mail_activity
from . import mail_activity_plan_template
from . import res_company
from . import res_config_settings
from . import res_partner
