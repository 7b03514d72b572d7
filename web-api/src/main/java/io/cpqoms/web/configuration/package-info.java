/** Configuration: a configurator screen's evaluation of a partial configuration against the catalog's rules. */
package io.cpqoms.web.configuration;
