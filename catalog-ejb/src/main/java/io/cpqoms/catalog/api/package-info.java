/**
 * The catalog's published language: the catalog document (specifications, offerings, prices,
 * relationships) that is imported into a draft and pinned by quotes and orders once published, the
 * views the catalog answers with, and the local business interfaces other contexts call.
 */
package io.cpqoms.catalog.api;
