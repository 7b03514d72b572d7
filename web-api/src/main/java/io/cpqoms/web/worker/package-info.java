/**
 * The worker-facing API, apart from every user-facing path: only the fulfillment-worker role reaches
 * it, and it only reports what a responsible system did with a fulfillment item.
 */
package io.cpqoms.web.worker;
