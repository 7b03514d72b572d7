/** The catalog's resources: catalog versions (draft, import, publication) and offerings to browse. */
package io.cpqoms.web.catalog;
