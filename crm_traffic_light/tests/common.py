from odoo.tests import new_test_user


def create_salesperson(env, login, name=None, groups="sales_team.group_sale_salesman"):
    """A salesperson as the sales app creates one: internal user with the Sales / User group."""
    return new_test_user(env, login=login, name=name or login.title(), groups=groups)


def create_customer(env, name, salesperson=None, flag=None, company=None):
    """A company customer with the given traffic light in ``company`` (default: current)."""
    partner = env["res.partner"].create(
        {
            "name": name,
            "is_company": True,
            "customer_rank": 1,
            "user_id": salesperson.id if salesperson else False,
        }
    )
    if flag:
        partner.with_company(company or env.company).traffic_light = flag
    return partner


def create_confirmed_orders(env, partner, days, amount=100.0, company=None, state="sale"):
    """Confirmed sale orders of ``partner`` on the given dates, ``amount`` untaxed each.

    Orders are created directly in state ``sale`` with one untaxed service line: confirming
    them through the workflow would stamp today's date on them.
    """
    company = company or env.company
    product = env["product.product"].search(
        [("default_code", "=", "CTL-TEST-SERVICE")], limit=1
    ) or env["product.product"].create(
        {
            "name": "Traffic Light Test Service",
            "default_code": "CTL-TEST-SERVICE",
            "type": "service",
            "list_price": amount,
            "taxes_id": [(6, 0, [])],
            "company_id": False,
        }
    )
    orders = env["sale.order"]
    for day in days:
        orders |= (
            env["sale.order"]
            .with_company(company)
            .create(
                {
                    "partner_id": partner.id,
                    "company_id": company.id,
                    "date_order": day,
                    "state": state,
                    "order_line": [
                        (
                            0,
                            0,
                            {
                                "product_id": product.id,
                                "product_uom_qty": 1,
                                "price_unit": amount,
                                "tax_id": [(6, 0, [])],
                            },
                        )
                    ],
                }
            )
        )
    return orders
