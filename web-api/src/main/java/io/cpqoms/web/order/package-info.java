/** The order API: capture, the operator and customer views, the plan, the timeline, and the worker-facing item reports. */
package io.cpqoms.web.order;
