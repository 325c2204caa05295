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
