package io.cpqoms.catalog.api;

/** Whether a charge is paid once or every period. */
public enum PriceType { ONE_TIME, RECURRING }
