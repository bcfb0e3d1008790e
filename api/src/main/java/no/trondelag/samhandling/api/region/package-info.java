/**
 * Regional collaboration arenas, their eFagråd and strategy-group representatives.
 */
package no.trondelag.samhandling.api.region;
