import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("crm_traffic_light_red_customer_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Sales app",
            trigger: '.o_app[data-menu-xmlid="sale.sale_menu_root"]',
            run: "click",
        },
        {
            content: "Open the Customer Health menu",
            trigger: '[data-menu-xmlid="crm_traffic_light_core.menu_customer_health_root"]',
            run: "click",
        },
        {
            content: "Open the customer list",
            trigger: '[data-menu-xmlid="crm_traffic_light_core.menu_customer_health_customers"]',
            run: "click",
        },
        {
            content: "The list shows customers with their traffic light",
            trigger: ".o_list_view .o_data_row .o_field_badge",
        },
        {
            content: "Open the filter menu",
            trigger: ".o_searchview_dropdown_toggler",
            run: "click",
        },
        {
            content: "Filter red customers",
            trigger: ".o_filter_menu .o_menu_item:contains(Red)",
            run: "click",
        },
        {
            content: "Only the salesperson's own red customer is left",
            trigger:
                ".o_list_view:not(:has(.o_data_row:contains(Tour Green Customer)))" +
                ":not(:has(.o_data_row:contains(Tour Colleague Red Customer)))",
        },
        {
            content: "Open the red customer",
            trigger: ".o_data_row .o_data_cell:contains(Tour Red Customer)",
            run: "click",
        },
        {
            content: "The form shows the red flag",
            trigger: ".o_form_view .o_field_widget[name=traffic_light] .text-bg-danger:contains(Red)",
        },
    ],
});
