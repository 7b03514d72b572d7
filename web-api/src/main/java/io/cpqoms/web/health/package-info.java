/** Readiness checks behind /health: the database and the JMS broker. */
package io.cpqoms.web.health;
