/**
 * Users, roles and everything about signing in: the security filter chain, the login lock-out,
 * the first administrator and the demo users.
 */
package it.oivreport.account;
