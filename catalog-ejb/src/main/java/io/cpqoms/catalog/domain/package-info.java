/**
 * The catalog domain: the catalog version aggregate with its draft/published lifecycle, and the rules
 * (seed 002, section 6.3) a catalog document must satisfy before it may be stored or published.
 */
package io.cpqoms.catalog.domain;
