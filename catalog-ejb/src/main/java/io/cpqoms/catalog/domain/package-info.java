/**
 * The catalog domain: the catalog version aggregate with its draft/published lifecycle, the rules
 * (seed 002, sections 6.3 and 9) a catalog document must satisfy before it may be stored or published,
 * the configuration check, the one pricing pipeline that turns a version's price definitions into
 * price snapshots with their breakdowns, and eligibility (section 7): the policy that decides whether
 * offerings may be offered, and the account standing projection it decides on. The ports the
 * application keeps them through ({@code CatalogVersionRepository}, {@code AccountStandingRepository},
 * {@code PublishedCatalogCache}) are declared here and implemented in infrastructure.
 */
package io.cpqoms.catalog.domain;
