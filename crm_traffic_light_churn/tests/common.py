# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Test helpers: crm_traffic_light_core's (tests/common.py), for the churn model."""

from odoo.addons.crm_traffic_light_core.tests.common import (
    PartnerMergeCase,
    TrafficLightCase,
    ago,
    create_company,
    create_customer,
    create_invoice,
    create_orders,
    create_product,
    create_sales_manager,
    create_salesperson,
    create_team,
    ensure_chart,
    load_languages,
    make_result,
    order_product,
    set_dates,
)

__all__ = [
    "PartnerMergeCase",
    "TrafficLightCase",
    "ago",
    "create_company",
    "create_customer",
    "create_invoice",
    "create_orders",
    "create_product",
    "create_sales_manager",
    "create_salesperson",
    "create_team",
    "ensure_chart",
    "load_languages",
    "make_result",
    "order_product",
    "set_dates",
]
