/**
 * Secretariat funding per year: budget, pledges and allocations by source.
 */
package no.trondelag.samhandling.api.funding;
