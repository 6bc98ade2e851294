/**
 * Cross-cutting pieces every module may use: the embedded database for local runs, the page layout,
 * error handling, locale and request logging. It is an open module so that other modules can reach
 * its sub-packages; it must never depend on a feature module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package it.oivreport.shared;
