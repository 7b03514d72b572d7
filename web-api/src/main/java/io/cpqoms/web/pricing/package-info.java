/** Pricing resources: ad-hoc price calculations with the pipeline quotes and orders are priced with. */
package io.cpqoms.web.pricing;
