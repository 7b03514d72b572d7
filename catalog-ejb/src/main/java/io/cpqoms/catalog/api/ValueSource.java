package io.cpqoms.catalog.api;

/**
 * Where a value of a resolved configuration comes from: the caller chose it (USER), the catalog's
 * default filled it (DEFAULT), or a DERIVES rule set it (DERIVED, with the rule's id). Children of a
 * bundle are USER (requested) or DERIVED (added by a rule).
 */
public enum ValueSource { USER, DEFAULT, DERIVED }
