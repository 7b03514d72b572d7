package io.cpqoms.catalog.api;

/** The period a recurring charge is billed for. */
public enum RecurringPeriod { MONTH, QUARTER, YEAR }
