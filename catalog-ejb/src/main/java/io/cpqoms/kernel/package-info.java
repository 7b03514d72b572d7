/**
 * The shared kernel every context compiles against: the command context (tenant, actor, correlation),
 * the one exception type that carries a stable problem code, the JSON binding used for JSONB columns
 * and documents, and the schema migration entry point. Plain classes only: nothing here is a CDI or
 * EJB bean, because this package ships in the EAR's lib folder.
 */
package io.cpqoms.kernel;
