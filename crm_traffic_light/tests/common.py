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


def create_company(env, name):
    """A fresh company, so that segment shares are computed on the test's customers only."""
    return env["res.company"].create({"name": name})


def create_order(env, partner, amount, order_date, company=None, product=None):
    """A confirmed sale order of ``amount`` (untaxed) dated ``order_date`` (date or datetime)."""
    company = company or env.company
    if product is None:
        product = env.ref("crm_traffic_light.tl_test_product", raise_if_not_found=False)
        if not product:
            product = env["product.product"].create(
                {"name": "Traffic Light Test Product", "list_price": 1.0, "taxes_id": False}
            )
            env["ir.model.data"].create(
                {
                    "name": "tl_test_product",
                    "module": "crm_traffic_light",
                    "model": "product.product",
                    "res_id": product.id,
                }
            )
    return (
        env["sale.order"]
        .with_company(company)
        .create(
            {
                "partner_id": partner.id,
                "company_id": company.id,
                "state": "sale",
                "date_order": order_date,
                "order_line": [
                    (
                        0,
                        0,
                        {
                            "product_id": product.id,
                            "product_uom_qty": 1,
                            "price_unit": amount,
                            "tax_id": False,
                        },
                    )
                ],
            }
        )
    )
