/**
 * Steering-group decisions and their corrections.
 */
package no.trondelag.samhandling.api.governance;
