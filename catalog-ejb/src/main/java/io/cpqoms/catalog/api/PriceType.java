package io.cpqoms.catalog.api;

/** Whether a charge is paid once, every period, or per use (USAGE is priced by rating, a placeholder here). */
public enum PriceType { ONE_TIME, RECURRING, USAGE }
