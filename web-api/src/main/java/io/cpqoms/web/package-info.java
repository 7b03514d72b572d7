/**
 * The HTTP interface: translates requests into commands and queries of the contexts' contracts and
 * their results and refusals back into JSON and problem details. No business logic lives here.
 */
package io.cpqoms.web;
