/** The installed-base API: the tenant's products (TMF637-like), as orders' completions put them there. */
package io.cpqoms.web.inventory;
