"""Plain Python maths of the churn prediction (numpy / scipy, no Odoo)."""
