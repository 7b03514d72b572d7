/**
 * The eligibility resources: the eligibility check (may these offerings be offered to this customer,
 * through this channel, at this location, now?) and the account standing statements of the trusted
 * integration that keep the catalog's projection of account standing fresh.
 */
package io.cpqoms.web.eligibility;
