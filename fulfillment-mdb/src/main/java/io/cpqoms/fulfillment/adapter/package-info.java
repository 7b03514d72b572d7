/**
 * The anti-corruption layer between fulfillment and the external systems (seed 000, sections 25-28):
 * one adapter per responsible system translates an item into that system's request, sends it with an
 * external request id the system can deduplicate on, and normalises what comes back into a domain
 * outcome. Nothing of an external payload reaches the order context raw.
 */
package io.cpqoms.fulfillment.adapter;
