/**
 * The catalog domain: the catalog version aggregate with its draft/published lifecycle, and the rules
 * (seed 002, section 6.3) a catalog document must satisfy before it may be stored or published; the
 * configuration check and price calculation on a published version; eligibility (section 7): the
 * policy that decides whether offerings may be offered, and the account standing projection it
 * decides on.
 */
package io.cpqoms.catalog.domain;
